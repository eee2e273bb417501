"""A raw WebSocket client over a plain socket, for what no client library sends: fragments with
control frames between them, lengths that lie, continuations without a start, bad UTF-8, pings by
the thousand, or a client that never reads."""

import base64
import os
import socket
import struct
import time

CONTINUATION, TEXT, BINARY, CLOSE, PING, PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA


def mask(payload, key):
    """`payload` XORed with the repeated 4-byte `key` (RFC 6455 §5.3), whole-buffer fast."""
    if not payload:
        return b""
    stream = (key * (len(payload) // 4 + 1))[:len(payload)]
    value = int.from_bytes(payload, "big") ^ int.from_bytes(stream, "big")
    return value.to_bytes(len(payload), "big")


def frame(opcode, payload=b"", fin=True, length=None):
    """One client frame, masked as a client must. `length` declares a payload length other than
    the one sent (a header that lies); the 64-bit form is used for anything past 65535."""
    if isinstance(payload, str):
        payload = payload.encode()
    declared = len(payload) if length is None else length
    head = bytes([(0x80 if fin else 0) | opcode])
    if declared < 126:
        head += bytes([0x80 | declared])
    elif declared <= 0xFFFF:
        head += bytes([0x80 | 126]) + struct.pack("!H", declared)
    else:
        head += bytes([0x80 | 127]) + struct.pack("!Q", declared)
    key = os.urandom(4)
    return head + key + mask(payload, key)


def fragments(opcode, payload, size):
    """`payload` as a message in frames of `size` bytes: the first carries `opcode`, the rest are
    continuations, the last has FIN."""
    if isinstance(payload, str):
        payload = payload.encode()
    pieces = [payload[i:i + size] for i in range(0, len(payload), size)] or [b""]
    return [frame(opcode if i == 0 else CONTINUATION, piece, fin=i == len(pieces) - 1)
            for i, piece in enumerate(pieces)]


class RawWebSocket:
    """One upgraded connection. `rcvbuf` shrinks the socket's receive buffer before connecting,
    so a client that does not read holds little in its own kernel."""

    def __init__(self, port, path, rcvbuf=None, timeout=10.0):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf is not None:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.sock.settimeout(timeout)
        self.sock.connect(("127.0.0.1", port))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                           "Connection: Upgrade\r\nUpgrade: websocket\r\n"
                           "Sec-WebSocket-Version: 13\r\n"
                           f"Sec-WebSocket-Key: {key}\r\n\r\n").encode())
        self._buf = b""
        head = self._until(b"\r\n\r\n", timeout)
        status = head.split(b"\r\n", 1)[0]
        if b" 101 " not in status:
            raise ConnectionError(f"upgrade refused: {head!r}")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.sock.close()

    def send(self, *frames):
        self.sock.sendall(b"".join(frames))

    def _fill(self, deadline):
        self.sock.settimeout(max(deadline - time.monotonic(), 0.001))
        try:
            chunk = self.sock.recv(1 << 20)
        except socket.timeout:
            raise TimeoutError("no frame from the server in time") from None
        except ConnectionResetError:
            chunk = b""
        if not chunk:
            raise EOFError("the server closed the connection")
        self._buf += chunk

    def _until(self, marker, timeout):
        deadline = time.monotonic() + timeout
        while marker not in self._buf:
            self._fill(deadline)
        head, _, self._buf = self._buf.partition(marker)
        return head

    def _take(self, n, deadline):
        while len(self._buf) < n:
            self._fill(deadline)
        out, self._buf = self._buf[:n], self._buf[n:]
        return out

    def read_frame(self, timeout=10.0):
        """(fin, opcode, payload) of the next server frame; EOFError once the server has closed,
        TimeoutError when nothing arrives in `timeout` seconds."""
        deadline = time.monotonic() + timeout
        first, second = self._take(2, deadline)
        length = second & 0x7F
        if length == 126:
            (length,) = struct.unpack("!H", self._take(2, deadline))
        elif length == 127:
            (length,) = struct.unpack("!Q", self._take(8, deadline))
        assert not second & 0x80, "a server must not mask its frames"
        return bool(first & 0x80), first & 0x0F, self._take(length, deadline)

    def read_message(self, timeout=10.0):
        """The next data message, reassembled, as (opcode, payload); control frames before it are
        skipped, except a close (EOFError)."""
        deadline = time.monotonic() + timeout
        opcode, parts = None, []
        while True:
            fin, op, payload = self.read_frame(max(deadline - time.monotonic(), 0.001))
            if op == CLOSE:
                raise EOFError(f"closed by the server: {close_code_of(payload)}")
            if op in (PING, PONG):
                continue
            opcode = op if opcode is None else opcode
            parts.append(payload)
            if fin:
                return opcode, b"".join(parts)

    def close_code(self, timeout=10.0):
        """The code of the server's close frame, skipping any frame before it; None when the
        connection ends without one."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                _, op, payload = self.read_frame(max(deadline - time.monotonic(), 0.001))
            except EOFError:
                return None
            if op == CLOSE:
                return close_code_of(payload)


def close_code_of(payload):
    return struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
