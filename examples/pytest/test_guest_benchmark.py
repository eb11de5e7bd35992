"""Per-call regression benchmark of the hello guest (the recipe of README.md).

    pytest examples/pytest --benchmark-autosave                     # save a baseline
    pytest examples/pytest --benchmark-compare --benchmark-compare-fail=median:10%
"""
import pytest

GUEST = "../../guests/hello.wasm"   # golo_runner resolves it against this file's folder


@pytest.mark.benchmark(group="hello guest")
def test_hello_call(golo_runner, benchmark):
    runner = golo_runner(GUEST)          # loaded outside the timed function, closed after
    result = benchmark(runner.call_string, "hello", "Bob")
    assert result == "Hello, Bob!!!"
