"""A local SMTP sink for the e-mail tests: accepts every message on a free
loopback port and writes each into DIR as N.eml, its first lines the
envelope ("X-Rcpt-To: <addr>").  Prints the port on standard output once
it listens (PORT: that one, else a free one).  Run as the test's own,
unprivileged process:
    python3 smtp_sink.py DIR [PORT]
"""
import asyncio
import os
import sys

OUT = sys.argv[1]
PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 0
count = len([f for f in os.listdir(OUT) if f.endswith(".eml")])


async def session(reader, writer):
    global count
    send = lambda line: writer.write(line.encode() + b"\r\n")
    send("220 sink ESMTP")
    rcpt = []
    while True:
        line = await reader.readline()
        if not line:
            break
        cmd = line.decode("utf-8", "replace").strip()
        verb = cmd.split(" ", 1)[0].upper()
        if verb in ("EHLO", "HELO"):
            send("250 sink")
        elif verb == "MAIL":
            rcpt = []
            send("250 ok")
        elif verb == "RCPT":
            rcpt.append(cmd.split(":", 1)[1].strip())
            send("250 ok")
        elif verb == "DATA":
            send("354 go ahead")
            data = b""
            while True:
                chunk = await reader.readline()
                if chunk in (b".\r\n", b".\n", b""):
                    break
                data += chunk[1:] if chunk.startswith(b"..") else chunk
            count += 1
            head = "".join("X-Rcpt-To: %s\r\n" % r for r in rcpt).encode()
            tmp = os.path.join(OUT, "%d.tmp" % count)
            with open(tmp, "wb") as f:
                f.write(head + data)
            os.rename(tmp, os.path.join(OUT, "%d.eml" % count))
            send("250 queued")
        elif verb == "QUIT":
            send("221 bye")
            break
        else:
            send("250 ok")
        await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(session, "127.0.0.1", PORT,
                                        reuse_address=True)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
