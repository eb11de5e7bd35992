"""Threads. wasmer's objects cannot leave the thread that made them, so a default runner
belongs to its loading thread (others get WasmThreadError) and a `threads=True` runner serves
every thread from a private one, serialized, never interleaved."""
from __future__ import annotations

import threading
import time

import pytest

from golo_fast import errors


def run_in_thread(fn):
    """fn() on a new thread; its result, or its exception re-raised here."""
    answer = []

    def target():
        try:
            answer.append((True, fn()))
        except BaseException as exc:
            answer.append((False, exc))

    t = threading.Thread(target=target)
    t.start()
    t.join()
    ok, value = answer[0]
    if not ok:
        raise value
    return value


def test_default_runner_refuses_other_threads(load, guest):
    with load(guest("echo")) as r:
        with pytest.raises(errors.WasmThreadError,
                           match=r"'echo.wasm': call_bytes\('echo'\) from thread \d+, but this "
                                 r"runner belongs to thread \d+.*threads=True"):
            run_in_thread(lambda: r.call_bytes("echo", b"x"))
        with pytest.raises(errors.WasmThreadError):
            run_in_thread(lambda: r.call_string("echo", "x"))
        with pytest.raises(errors.WasmThreadError):
            run_in_thread(lambda: r.call("add", 1, 2))
        assert r.call_bytes("echo", b"home thread") == b"home thread"
        # metadata needs no engine object: any thread may ask
        assert run_in_thread(lambda: r.has_function("echo"))


def test_each_thread_can_load_its_own_runners(load, guest):
    def work(n):
        with load(guest("hello")) as r:
            return r.call_string("hello", str(n))

    results = {}
    threads = [threading.Thread(target=lambda n=n: results.__setitem__(n, work(n)))
               for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {n: f"Hello, {n}!!!" for n in range(4)}


def test_threads_share_one_runner(load, guest):
    errors_seen = []
    with load(guest("echo"), threads=True) as r:
        def worker(n):
            try:
                for i in range(200):
                    # sizes differ per thread and cross buffer growth, so an interleaved
                    # write/read would hand one thread another's bytes
                    data = f"thread {n} call {i} ".encode() * (1 + (i * (n + 1)) % 40)
                    assert r.call_bytes("echo", data) == data
                    assert r.call_string("echo", data.decode()) == data.decode()
                assert r.call("add", n, 1) == n + 1
            except BaseException as exc:   # reported to the main thread below
                errors_seen.append(exc)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert r.call_bytes("echo", b"main") == b"main"
    assert errors_seen == []


def test_a_call_waits_while_another_thread_is_inside_a_handler(load, guest):
    # A handler that sleeps keeps its call open; another thread's call must not start until
    # the first one is completely done.
    active = []
    overlaps = []
    with load(guest("host"), threads=True) as r:
        def handler(message):
            active.append(message)
            if len(active) > 1:
                overlaps.append(list(active))
            time.sleep(0.01)
            active.remove(message)
            return message[-1]

        r.register_string_handler(handler)
        results = {}

        def worker(tag):
            results[tag] = [r.call_string("processWithHost", tag) for _ in range(5)]

        threads = [threading.Thread(target=worker, args=(tag,)) for tag in "ABC"]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert overlaps == []
    assert results == {tag: [f"Result from host: {tag}"] * 5 for tag in "ABC"}


def test_shared_runner_errors_and_reentrancy(load, guest):
    with load(guest("host"), threads=True) as r:
        r.register_string_handler(lambda m: r.call_string("processWithHost", "inner"))
        with pytest.raises(errors.HandlerError) as info:
            r.call_string("processWithHost", "outer")
        assert isinstance(info.value.__cause__, errors.WasmReentrancyError)
        r.register_string_handler(lambda m: "ok")
        assert r.call_string("processWithHost", "x") == "Result from host: ok"
        with pytest.raises(errors.WasmExportError):
            r.call_string("nope", "x")
    with pytest.raises(errors.RunnerClosedError):
        r.call_string("processWithHost", "x")
    r.close()


def test_shared_runner_load_errors(load, guest):
    with pytest.raises(errors.WasmLoadError, match="not a valid wasm module"):
        load(guest("hostile/not_wasm"), threads=True)


def test_close_waits_for_a_running_call(load, guest):
    started = threading.Event()
    with load(guest("host"), threads=True) as r:
        def handler(message):
            started.set()
            time.sleep(0.1)
            return "done"

        r.register_string_handler(handler)
        result = []
        t = threading.Thread(target=lambda: result.append(r.call_string("processWithHost", "x")))
        t.start()
        started.wait(5)
        r.close()            # queued behind the call above
        t.join()
        assert result == ["Result from host: done"]
        with pytest.raises(errors.RunnerClosedError):
            r.call_string("processWithHost", "x")


def test_default_runner_refuses_close_from_another_thread(load, guest):
    # there is no lock to wait on: only the owner thread may close (or call) it
    r = load(guest("hello"))
    with pytest.raises(errors.WasmThreadError, match=r"close\(\) from thread"):
        run_in_thread(r.close)
    assert r.call_string("hello", "still open") == "Hello, still open!!!"
    r.close()
    run_in_thread(r.close)   # closing a closed runner is fine from anywhere
