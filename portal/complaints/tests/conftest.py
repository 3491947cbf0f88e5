import pytest


@pytest.fixture(autouse=True)
def _own_media_root(settings, tmp_path):
    """Each test stores claim files in a folder of its own, so that tests that count files are
    not disturbed by others running at the same time."""
    settings.MEDIA_ROOT = tmp_path / "media"
