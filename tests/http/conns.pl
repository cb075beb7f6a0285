# conns.pl — many keep-alive connections held open at once, for the tests
# of the connection limits (t_proxy.sh, t_idle.sh).
#
#   perl conns.pl PORT N [FROM [XFF-PREFIX [ROUNDS [late]]]]
#
# Opens N TCP connections to 127.0.0.1:PORT from the local address FROM
# (default 127.0.0.1) and keeps every one open to the end.  Then, ROUNDS
# times (default 1), sends on each connection "GET /login" with
# "X-Forwarded-For: XFF-PREFIX.i" (i = 1..N; no header when the prefix is
# "-") and reads the answer.  Prints one line per connection: the statuses
# of its rounds ("200 200"), or "closed" once the server has closed it.
# A connection that gets no answer in 60 s counts as closed, so a broken
# server fails the test instead of hanging it.
#
# With "late", while the N are still held, one more connection asks for
# /login and the last lines are "late STATUS" ("late none": no answer in
# 25 s, less than the server's LIMIT_REQUEST_SECONDS) and "held K": how
# many of the N the server had closed by then.
use strict;
use warnings;
use IO::Socket::INET;
use IO::Select;

my ($port, $n, $from, $xff, $rounds, $late) = @ARGV;
$from = '127.0.0.1' unless defined $from;
$xff = '-' unless defined $xff;
$rounds = 1 unless defined $rounds;
$SIG{PIPE} = 'IGNORE';

my @sock;
for my $i (1 .. $n) {
    my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port,
                                  LocalAddr => $from, Proto => 'tcp')
        or die "connection $i: $!\n";
    push @sock, $s;
}

# Read one HTTP response from $s: its status, or undef once closed or
# after $wait seconds without data (default 60).
sub response {
    my ($s, $wait) = @_;
    $wait = 60 unless defined $wait;
    my $buf = '';
    my $sel = IO::Select->new($s);
    my ($status, $want);
    while (1) {
        if (!defined $want && $buf =~ /\r\n\r\n/) {
            my $head = substr($buf, 0, $+[0]);
            ($status) = $head =~ m{^HTTP/1\.[01] (\d+)};
            my ($len) = $head =~ /^Content-Length:\s*(\d+)/mi;
            return undef unless defined $status && defined $len;
            $want = length($head) + $len;
        }
        return $status if defined $want && length($buf) >= $want;
        return undef unless $sel->can_read($wait);
        my $got = sysread($s, $buf, 65536, length $buf);
        return undef unless $got;
    }
}

my @result = map { '' } @sock;
my @open = map { 1 } @sock;
for my $r (1 .. $rounds) {
    # Send every request first, then read: all N are in the server at once.
    for my $i (0 .. $#sock) {
        next unless $open[$i];
        my $h = $xff eq '-' ? '' : "X-Forwarded-For: $xff." . ($i + 1) . "\r\n";
        my $req = "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n${h}\r\n";
        $open[$i] = 0 unless defined syswrite($sock[$i], $req);
    }
    for my $i (0 .. $#sock) {
        next unless $open[$i];
        my $st = response($sock[$i]);
        if (defined $st) {
            $result[$i] .= ($result[$i] eq '' ? '' : ' ') . $st;
        } else {
            $open[$i] = 0;
        }
    }
}
for my $i (0 .. $#sock) {
    print $open[$i] ? "$result[$i]\n" : "closed\n";
}
if (defined $late && $late eq 'late') {
    my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port,
                                  LocalAddr => $from, Proto => 'tcp')
        or die "late connection: $!\n";
    syswrite($s, "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    my $st = response($s, 25);
    print 'late ', (defined $st ? $st : 'none'), "\n";
    # A connection the server closed reads as end of stream at once.
    my $nClosed = 0;
    for my $c (@sock) {
        my $buf;
        $nClosed++ if IO::Select->new($c)->can_read(0) && !sysread($c, $buf, 1);
    }
    print "held ", scalar(@sock) - $nClosed, "\n";
}
close $_ for @sock;
