"""A file is written whole or not at all."""

import pytest

from polgraph.files import atomic_output


def test_a_whole_write_replaces_the_file_and_leaves_no_partial(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    with atomic_output(target) as sink:
        sink.write(b"new")
        assert target.read_bytes() == b"old"  # readers see the old file until the end
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def write_half_then_fail(target):
    with atomic_output(target) as sink:
        sink.write(b"half")
        raise RuntimeError("interrupted")


def test_a_failed_write_keeps_the_old_file_and_leaves_no_partial(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="interrupted"):
        write_half_then_fail(target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_a_failed_first_write_leaves_nothing(tmp_path):
    target = tmp_path / "new.txt"
    with pytest.raises(RuntimeError, match="interrupted"):
        write_half_then_fail(target)
    assert list(tmp_path.iterdir()) == []
