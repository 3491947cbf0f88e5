import factory
from wagtail.models import Locale

from portal.institutions.models import InstitutionKind, InstitutionPage, PartnersIndexPage


class InstitutionPageFactory(factory.django.DjangoModelFactory):
    """An institution page under the partners index of its language (Arabic by default)."""

    class Meta:
        model = InstitutionPage

    title = factory.Sequence(lambda n: f"Institution {n}")
    slug = factory.Sequence(lambda n: f"institution-{n}")
    acronym = factory.Sequence(lambda n: f"INST{n}")
    kind = InstitutionKind.NATIONAL
    intro = factory.Faker("sentence", locale="fr_FR")
    live = True

    @classmethod
    def _create(cls, model_class, *args, language="ar", **kwargs):
        parent = PartnersIndexPage.objects.get(locale=Locale.objects.get(language_code=language))
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        return page
