"""Loads the demo content: the home page, the partners and platforms sections, the authority and
its partner institutions, and the national platforms, in Arabic, French, English and Amazigh.

Idempotent: what already exists (found by its place in the tree or its translation key) is left
as it is, so running the command again changes nothing.
"""

import uuid

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from portal.complaints.demo import authority_ensure, response_templates_load
from portal.core.demo import pages as text
from portal.core.demo.institutions import INSTITUTIONS
from portal.core.demo.platforms import PLATFORMS
from portal.core.models import HomePage
from portal.institutions.models import InstitutionPage, PartnersIndexPage
from portal.library.demo.loader import LibraryLoader
from portal.library.models import PublicationIndexPage, PublicationPage
from portal.platforms.models import Platform, PlatformsIndexPage
from portal.statistics.demo.loader import StatisticsLoader
from portal.statistics.models import IndicatorPage, StatisticsIndexPage
from portal.strategy.demo import StrategyLoader

DEMO_NAMESPACE = uuid.UUID("6f1b8f36-0c6e-4c55-9b1e-3f1f3b8c9a10")
LANGS = ["ar", "fr", "en", "zgh"]


def home_body(lang):
    content = text.HOME[lang]
    body = []
    if content["figures"]:
        body.append(
            {
                "type": "key_figures",
                "value": [
                    {
                        "value": fact["value"],
                        "label": label,
                        "source": fact["source"],
                        "source_url": fact["url"],
                    }
                    for fact, label in content["figures"]
                ],
            }
        )
    if content["text"]:
        body.append(
            {
                "type": "paragraph",
                "value": {
                    "heading": content["heading"],
                    "text": content["text"],
                    "source": text.PARTNERS["source"],
                    "source_url": text.PARTNERS["url"],
                },
            }
        )
    return body


class Command(BaseCommand):
    help = "Load the demo content (idempotent)."

    def handle(self, *args, **options):
        self.created = 0
        with transaction.atomic():
            self.locales = {code: Locale.objects.get(language_code=code) for code in LANGS}
            home = self.ensure_home()
            for lang in LANGS[1:]:
                content = text.HOME[lang]
                self.ensure_translation(
                    home, lang, title=content["title"], intro=content["intro"], body=home_body(lang)
                )
            partners = self.ensure_section(home, PartnersIndexPage, "partners", text.PARTNERS_INDEX)
            platforms_page = self.ensure_section(
                home, PlatformsIndexPage, "platforms", text.PLATFORMS_INDEX
            )
            for data in INSTITUTIONS:
                self.ensure_institution(partners, data)
            for position, data in enumerate(PLATFORMS):
                self.ensure_platform(data, sort_order=position * 10)
            library = self.ensure_section(
                home, PublicationIndexPage, "publications", text.LIBRARY_INDEX
            )
            self.created += LibraryLoader(self.locales, self.publish).load(library)
            statistics = self.ensure_section(
                home, StatisticsIndexPage, "statistics", text.STATISTICS_INDEX
            )
            self.created += StatisticsLoader(self.locales, self.publish).load(statistics)
            self.created += StrategyLoader().load()
            self.created += response_templates_load()
            authority_ensure()
        self.stdout.write(
            f"Demo content: {self.created} items created "
            f"({InstitutionPage.objects.filter(locale=self.locales['ar']).count()} institutions, "
            f"{Platform.objects.filter(locale=self.locales['ar']).count()} platforms, "
            f"{PublicationPage.objects.filter(locale=self.locales['ar']).count()} publications, "
            f"{IndicatorPage.objects.filter(locale=self.locales['ar']).count()} indicators; "
            f"sections {partners.url_path} and {platforms_page.url_path})."
        )

    def publish(self, page):
        page.save_revision().publish()
        self.created += 1

    def ensure_home(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        root = Page.get_first_root_node()
        for page in root.get_children():
            if type(page.specific) is Page:  # Wagtail's "Welcome" placeholder
                page.delete()
        content = text.HOME["ar"]
        home = root.add_child(
            instance=HomePage(
                title=content["title"],
                slug="home",
                intro=content["intro"],
                body=home_body("ar"),
                locale=self.locales["ar"],
            )
        )
        self.publish(home)
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=content["title"],
            )
        else:
            site.root_page = home
            site.save()
        return home

    def ensure_translation(self, source, lang, **fields):
        existing = source.get_translation_or_none(self.locales[lang])
        if existing is not None:
            return existing.specific
        page = source.copy_for_translation(self.locales[lang]).specific
        for name, value in fields.items():
            setattr(page, name, value)
        self.publish(page)
        return page

    def ensure_section(self, home, model, slug, content):
        page = model.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            title, intro = content["ar"]
            page = home.add_child(
                instance=model(title=title, slug=slug, intro=intro, show_in_menus=True)
            )
            self.publish(page)
        for lang in LANGS[1:]:
            title, intro = content[lang]
            self.ensure_translation(page, lang, title=title, intro=intro)
        return page

    def ensure_institution(self, partners, data):
        page = InstitutionPage.objects.child_of(partners).filter(slug=data["slug"]).first()
        if page is None:
            title, intro = data["ar"]
            page = partners.add_child(
                instance=InstitutionPage(
                    title=title,
                    slug=data["slug"],
                    intro=intro,
                    acronym=data["acronym"],
                    kind=data["kind"],
                    website=data["website"],
                    description_source=data["source"],
                )
            )
            self.publish(page)
        for lang in ("fr", "en"):
            title, intro = data[lang]
            self.ensure_translation(page, lang, title=title, intro=intro)
        if page.get_translation_or_none(self.locales["zgh"]) is None:
            page.copy_for_translation(self.locales["zgh"], alias=True)
            self.created += 1

    def ensure_platform(self, data, sort_order):
        key = uuid.uuid5(DEMO_NAMESPACE, data["key"])
        for lang in ("ar", "fr", "en"):
            if Platform.objects.filter(translation_key=key, locale=self.locales[lang]).exists():
                continue
            name, description, operator = data[lang]
            Platform.objects.create(
                translation_key=key,
                locale=self.locales[lang],
                name=name,
                description=description,
                operator=operator,
                url=data["url"],
                category=data["category"],
                phone=data["phone"],
                source=data["source"],
                sort_order=sort_order,
            )
            self.created += 1
