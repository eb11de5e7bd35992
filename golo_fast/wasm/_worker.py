"""A private thread that owns a guest, for runners shared between threads (`threads=True`).

wasmer's objects (store, module, instance, functions, memory) panic when touched from any
thread but the one that made them. A shared runner therefore builds its guest on a thread of
its own and hands every call to it; the caller waits for the answer. One thread serves the
calls one at a time, so they are serialized by construction. A call made *on* the worker (a
handler calling back into its own runner) runs directly, so the session's re-entrancy check
answers it instead of a deadlock.
"""
from __future__ import annotations

import queue
import threading


class Worker:
    def __init__(self, name: str):
        self._requests: queue.SimpleQueue = queue.SimpleQueue()
        self._stopped = False
        self._stopping = threading.Lock()   # no request can be queued after the stop marker
        self._thread = threading.Thread(target=self._serve, name=f"golo-fast wasm {name}",
                                        daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            request = self._requests.get()
            if request is None:
                return
            fn, args, done, answer = request
            try:
                answer.append((True, fn(*args)))
            except BaseException as exc:   # handed to the caller, raised on its thread
                answer.append((False, exc))
            done.set()

    def run(self, fn, *args):
        """fn(*args) on the worker thread; its result, or its exception raised here."""
        if threading.get_ident() == self._thread.ident:
            return fn(*args)
        done, answer = threading.Event(), []
        with self._stopping:
            if self._stopped:   # closed runner: the session raises RunnerClosedError itself
                return fn(*args)
            self._requests.put((fn, args, done, answer))
        done.wait()
        ok, value = answer[0]
        if ok:
            return value
        raise value

    def stop(self) -> None:
        with self._stopping:
            if self._stopped:
                return
            self._stopped = True
            self._requests.put(None)
        if threading.get_ident() != self._thread.ident:
            self._thread.join()


class WorkerSession:
    """A protocol session whose every call runs on a Worker."""

    def __init__(self, worker: Worker, session):
        self._worker = worker
        self._session = session

    @property
    def closed(self) -> bool:
        return self._session.closed

    def call_string(self, name, text):
        return self._worker.run(self._session.call_string, name, text)

    def call_bytes(self, name, data):
        return self._worker.run(self._session.call_bytes, name, data)

    def call(self, name, args):
        return self._worker.run(self._session.call, name, args)

    def register_handler(self, name, fn):
        return self._worker.run(self._session.register_handler, name, fn)

    def register_host_function(self, namespace, name, fn):
        return self._worker.run(self._session.register_host_function, namespace, name, fn)

    def close(self) -> None:
        self._worker.run(self._session.close)   # drops the guest's objects on their own thread
        self._worker.stop()
