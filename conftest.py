"""Shared by tests/ and benchmarks/: keep the compiled-module cache of test and benchmark runs
out of the user's cache dir."""
import pytest


@pytest.fixture(scope="session", autouse=True)
def _private_module_cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GOLO_FAST_CACHE_DIR", str(tmp_path_factory.mktemp("golo-fast-cache")))
        yield
