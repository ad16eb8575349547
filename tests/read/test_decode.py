import codecs

import pytest

from dyadscope.errors import Code, InputError
from dyadscope.read.decode import decode, sniff_binary

TEXT = "Talks in Brasília on “trade” resumed — again."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le", "utf16-be"],
)
def test_unicode_encodings_decode_exactly(data: bytes) -> None:
    text, warnings = decode(data)
    assert text == TEXT
    assert warnings == []


def test_invalid_utf8_falls_back_to_cp1252_with_a_warning() -> None:
    text, warnings = decode("Café – “quoted”".encode("cp1252"))
    assert text == "Café – “quoted”"
    assert warnings == ["not valid UTF-8; decoded as cp1252"]


def test_cp1252_undefined_bytes_are_kept_not_dropped() -> None:
    text, warnings = decode(b"abc \xe9 \x81 def")
    assert text.startswith("abc é") and text.endswith("def")
    assert warnings == ["not valid UTF-8; decoded as cp1252"]


def test_mojibake_is_repaired() -> None:
    garbled = "Japan’s minister".encode().decode("cp1252")  # 'Japanâ€™s minister'
    text, _ = decode(garbled.encode("utf-8"))
    assert text == "Japan’s minister"


def test_curly_quotes_are_not_straightened() -> None:
    assert decode("“a” ‘b’ «c»".encode())[0] == "“a” ‘b’ «c»"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
        (b"%PDF-1.7\n" + bytes(50), "PDF document"),
        (b"abc\x00def" * 10, "data with NUL bytes"),
    ],
)
def test_binary_is_refused_with_its_kind(data: bytes, kind: str) -> None:
    assert sniff_binary(data) == kind
    with pytest.raises(InputError) as info:
        decode(data)
    assert info.value.code is Code.BINARY
    assert kind in info.value.message


@pytest.mark.parametrize("data", [b"", b"   \n\n\t "])
def test_empty_is_refused(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        decode(data)
    assert info.value.code is Code.EMPTY


def test_line_ends_are_unified() -> None:
    assert decode(b"one\r\ntwo\rthree")[0] == "one\ntwo\nthree"
