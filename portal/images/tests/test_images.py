import pytest
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.images.tests.utils import get_test_image_file

pytestmark = pytest.mark.django_db


def upload(**fields):
    form_class = get_image_form(get_image_model())
    data = {"title": "Logo", "collection": 1, **fields}
    return form_class(data, {"file": get_test_image_file()})


def test_an_image_needs_a_text_alternative():
    before = get_image_model().objects.count()
    form = upload(description="")
    assert not form.is_valid()
    assert "description" in form.errors
    assert get_image_model().objects.count() == before
