"""Reads of the institutions that other sections show."""

from portal.core.models import default_locale_id

from .models import InstitutionPage


def institution_labels(locale):
    """`{slug: (acronym, name in the locale)}` of the institutions; one query."""
    labels = {}
    for slug, acronym, title, locale_id in InstitutionPage.objects.filter(
        locale_id__in={locale.pk, default_locale_id()}
    ).values_list("slug", "acronym", "title", "locale_id"):
        if locale_id == locale.pk or slug not in labels:
            labels[slug] = (acronym, title)
    return labels
