"""Extract the text of a PDF made by fpdf2 with an embedded Unicode font, without a PDF library:
each font's ToUnicode map decodes the 2-byte glyph codes of the text operators (enough for tests)."""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_TOKEN = re.compile(rb"/(F\d+)\s+[\d.]+\s+Tf|\((?:\\.|[^\\)])*\)|\]\s*TJ|Tj|ET", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _stream(body: bytes) -> bytes:
    match = _STREAM.search(body)
    if not match:
        return b""
    try:
        return zlib.decompress(match.group(1))
    except zlib.error:
        # the pattern drops a last "\r" of the data itself (before "\nendstream"): decompress what is there
        try:
            return zlib.decompressobj().decompress(match.group(1))
        except zlib.error:
            return match.group(1)


def _unescape(literal: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(literal):
        char = literal[i : i + 1]
        if char == b"\\" and i + 1 < len(literal):
            nxt = literal[i + 1 : i + 2]
            octal = re.match(rb"[0-7]{1,3}", literal[i + 1 : i + 4])
            if octal:
                out.append(int(octal.group(0), 8))
                i += 1 + len(octal.group(0))
                continue
            out += _ESCAPES.get(nxt, nxt)
            i += 2
            continue
        out += char
        i += 1
    return bytes(out)


def pdf_text(data: bytes) -> str:
    objects = {int(num): body for num, body in _OBJ.findall(data)}
    cmaps: dict[bytes, dict[int, str]] = {}
    for body in objects.values():
        for name, ref in re.findall(rb"/(F\d+)\s+(\d+) 0 R", body):
            font = objects.get(int(ref), b"")
            uni = re.search(rb"/ToUnicode\s+(\d+) 0 R", font)
            if uni:
                cmap = _stream(objects.get(int(uni.group(1)), b""))
                cmaps[name] = {
                    int(src, 16): bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
                    for src, dst in re.findall(rb"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>", cmap)
                }
    lines: list[str] = []
    for body in objects.values():
        content = _stream(body)
        if b"BT" not in content:
            continue
        font: dict[int, str] = {}
        current: list[str] = []
        for token in _TOKEN.finditer(content):
            raw = token.group(0)
            if token.group(1):
                font = cmaps.get(token.group(1), {})
            elif raw.startswith(b"("):
                codes = _unescape(raw[1:-1])
                current.append(
                    "".join(font.get(int.from_bytes(codes[i : i + 2]), "?") for i in range(0, len(codes), 2))
                )
            elif raw == b"ET":
                if current:
                    lines.append("".join(current))
                current = []
    return "\n".join(lines)
