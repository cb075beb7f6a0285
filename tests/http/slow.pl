# slow.pl — a client that sends its request slowly, for the test of the
# request deadline (t_slow_request.sh).
#
#   perl slow.pl PORT header|body STEP N
#
# header: sends "GET /login HTTP/1.1" and a Host line, then N header lines
# "X-Slow-i: x", one every STEP seconds, then the empty line ending the
# headers.  body: sends "POST /login" with "Content-Length: N", then the
# body one byte every STEP seconds.  upload: the same to /admin/import, a
# route that takes files (multipart/form-data), with the session cookie
# COOKIE ("name=value", the fifth argument) of a user it admits.  Before each piece it waits up to
# STEP seconds for the server to close the connection.  Prints "closed
# after S" (seconds since the first byte, one decimal) when the server
# closed it first, or "answered STATUS after S" when the request was
# complete and answered (waiting at most 10 s).
use strict;
use warnings;
use IO::Socket::INET;
use IO::Select;
use Time::HiRes qw(time);

my ($port, $mode, $step, $n, $cookie) = @ARGV;
$SIG{PIPE} = 'IGNORE';
my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port,
                              Proto => 'tcp')
    or die "cannot connect: $!\n";
my $sel = IO::Select->new($s);
my $t0 = time;

sub closed {
    printf "closed after %.1f\n", time - $t0;
    exit 0;
}

# Wait up to $wait seconds; closed() if the server ends the connection.
sub watch {
    my ($wait) = @_;
    my $until = time + $wait;
    while ((my $left = $until - time) > 0) {
        next unless $sel->can_read($left);
        my $buf;
        my $got = sysread($s, $buf, 4096);
        closed() unless $got;
        # Anything the server says before the request is complete (it
        # should say nothing) ends the test too.
        print "early answer: ", (split /\r\n/, $buf)[0], "\n";
        exit 0;
    }
}

my @piece;
if ($mode eq 'header') {
    push @piece, "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    push @piece, "X-Slow-$_: x\r\n" for 1 .. $n;
    $piece[-1] .= "\r\n";
} elsif ($mode eq 'upload') {
    push @piece, "POST /admin/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        . "Cookie: $cookie\r\n"
        . "Content-Type: multipart/form-data; boundary=b\r\n"
        . "Content-Length: $n\r\n\r\n";
    push @piece, 'a' for 1 .. $n;
} else {
    push @piece, "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        . "Content-Type: application/x-www-form-urlencoded\r\n"
        . "Content-Length: $n\r\n\r\n";
    push @piece, 'a' for 1 .. $n;
}
for my $i (0 .. $#piece) {
    watch($step) if $i > 0;
    closed() unless defined syswrite($s, $piece[$i]);
}
# Complete: read the answer.
my $buf = '';
while ($sel->can_read(10)) {
    my $got = sysread($s, $buf, 4096, length $buf);
    last unless $got;
    last if $buf =~ /\r\n\r\n/;
}
my ($status) = $buf =~ m{^HTTP/1\.[01] (\d+)};
if (defined $status) {
    printf "answered %s after %.1f\n", $status, time - $t0;
} else {
    closed();
}
