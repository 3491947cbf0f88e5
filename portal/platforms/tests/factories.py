import factory
from wagtail.models import Locale

from portal.platforms.models import Platform, PlatformCategory


class PlatformFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Platform

    name = factory.Sequence(lambda n: f"Platform {n}")
    url = factory.Sequence(lambda n: f"https://platform{n}.example")
    category = PlatformCategory.OPEN_DATA
    description = factory.Faker("sentence", locale="fr_FR")
    locale = factory.LazyFunction(Locale.get_default)
