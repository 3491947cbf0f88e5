"""`manage.py generate_corpus --count 20000 [--seed N] [--clear]`: adds FAKE publications for
benchmarks and development (`make bench`); never run it on a database with real content you
care about, although `--clear` removes exactly what it added.

Each generated publication is a live Wagtail page in the folder of an institution of the
default-language library, with a synthetic title and summary in Arabic or French made of the
integrity vocabulary below, a type, a date, themes, sectors and institutions spread over the real
taxonomy, and one document whose extracted text (2-6 KB) is set directly (no extraction task
runs). Every publication also gets an alias in each language of `--versions` (French by
default), as the site does for untranslated publications, so that the library and the search of
those languages see the corpus too. Search entries are written as `portal.search.index` writes
them (the same analysed terms), in bulk.

Generated publications are marked: their slug starts with `corpus-` and their source is
`SOURCE`. Their documents share one placeholder PDF (`PLACEHOLDER`), a real small PDF saying it is
a generated sample.

It is fast because it writes rows in bulk instead of going through `add_child` and revisions:
tree paths are computed here (treebeard's materialised paths, after the folder's last child),
the folders' `numchild` is updated, and the pages have no revisions (like pages imported in
bulk; the admin edits them as usual). It does not fill Wagtail's own admin search index.
"""

import hashlib
import random
import time
import uuid
from collections import Counter
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Greatest
from django.db.models.signals import pre_delete
from django.utils import timezone
from wagtail.models import Collection, Locale, Page

from portal.core.models import Term, TermKind
from portal.documents.models import PortalDocument, TextExtraction
from portal.institutions.models import InstitutionWorkspace
from portal.library.models import (
    LEGAL_TYPES,
    LegalRelation,
    LegalStatus,
    PublicationFile,
    PublicationFolderPage,
    PublicationPage,
    PublicationTombstone,
)
from portal.library.services import source_library
from portal.search import backends
from portal.search.models import SearchEntry
from portal.search.text import index_text

SLUG_PREFIX = "corpus-"
SOURCE = "generate_corpus: synthetic publication for benchmarks (not real content)"
PLACEHOLDER = "documents/corpus-sample.pdf"
BATCH = 1000

# Vocabulary, most frequent first (picked with Zipf-like weights, so that a query word matches
# from nearly every document of its language down to a few percent of them).
AR_WORDS = """الفساد النزاهة الرشوة الشفافية المساءلة الوقاية مكافحة الحكامة الهيئة الوطنية
الإدارة العمومية المرفق المواطنين القانون التقرير الاستراتيجية التدبير المراقبة الجيدة الصفقات
المصالح تضارب التصريح بالممتلكات المبلغين حماية التبليغ الافتحاص التدقيق المحاسبة المالية
الميزانية الجماعات الترابية الجمارك الضرائب الصحة التعليم العدالة القضاء النيابة الأمن الشرطة
الأخلاقيات التخليق المعلومات الحصول الحق المعطيات الشخصية التعاون الدولي الاتفاقية الأمم
المتحدة التحسيس التربية الشكايات المخاطر الخرائطية المؤشرات الإحصاءات التوصيات الإصلاح الرقمنة
الخدمات الرخص التعمير العقار المنافسة الاحتكار الامتيازات الريع الاختلاس التبديد الغدر استغلال
النفوذ تبييض الأموال الإثراء المشروع الموظفين المسؤولين المنتخبين البرلمان المجلس الأعلى
للحسابات المفتشية المقاولات الاستثمار الشراكة المجتمع المدني الجمعيات الإعلام الصحافة الطلبيات
التفويض المرتفقين الانتخابات الأحزاب التمويل الهبات المستشفيات الأدوية الجامعات المباريات
التوظيف الترقية الأجور المحاكم التنفيذ السجون الحدود الموانئ الشواطئ الغابات المقالع الصيد
المعادن الطاقة الماء النقل الطرق السكن الأراضي الجبايات الإعفاءات الدعم المنح الجمعيات الرياضة
الثقافة السياحة
""".split()  # noqa: SIM905
FR_WORDS = """corruption intégrité transparence probité prévention lutte gouvernance autorité
nationale administration publique service citoyens loi rapport stratégie gestion contrôle
reddition comptes marchés publics conflits intérêts déclaration patrimoine lanceurs alerte
protection signalement audit comptabilité finances budget collectivités territoriales douanes
impôts santé éducation justice parquet tribunal sécurité police éthique déontologie
information accès données personnelles coopération internationale convention nations unies
sensibilisation plaintes risques cartographie indicateurs statistiques recommandations réforme
numérisation autorisations urbanisme foncier concurrence monopole privilèges rente
détournement dilapidation concussion trafic influence blanchiment capitaux enrichissement
illicite fonctionnaires agents élus parlement cour inspection générale entreprises
investissement partenariat société civile associations médias presse commande délégation
usagers élections partis financement dons hôpitaux médicaments universités concours
recrutement promotion salaires tribunaux exécution prisons frontières ports plages forêts
carrières pêche mines énergie eau transport routes logement terrains fiscalité exonérations
subventions bourses sport culture tourisme
""".split()  # noqa: SIM905
AR_LINKS = "في من على إلى مع عن حول خلال وفق ضمن بين لدى التي الذي هذا هذه كما".split()  # noqa: SIM905
FR_LINKS = "le la les de des du dans pour par sur avec et en au aux entre selon".split()  # noqa: SIM905
# Everyday words of reports (most of every text).
AR_FILLERS = """برنامج مشروع سنة خطة عمل تنفيذ إطار مجال مستوى نتائج تحليل معطيات دراسة وضع مرحلة
أهداف وسائل تقييم تتبع تطوير تعزيز تحسين دعم إنجاز اعتماد إعداد تقديم نشر جهود مبادرة آليات
إجراءات تدابير قواعد مبادئ معايير شروط حالات ملفات طلبات قرارات نصوص مقتضيات مواد فصل باب جزء
فترة عدد نسبة أرقام جدول ملحق خلاصة مقدمة محور فقرة ملاحظات نقاط قضايا أسئلة أجوبة لقاءات ندوة
ورشة دورة تكوين قدرات كفاءات موارد بشرية وسائل تقنية منصة نظام شبكة مصالح أقسام مديرية وزارة
حكومة جهة إقليم مدينة قرية ساكنة فئات شباب نساء أطفال مقاولة سوق أسعار خدمة جودة نجاعة فعالية
""".split()  # noqa: SIM905
FR_FILLERS = """programme projet année plan action mise œuvre cadre domaine niveau résultats analyse
étude situation phase objectifs moyens évaluation suivi développement renforcement amélioration
appui réalisation adoption élaboration présentation diffusion efforts initiative mécanismes
procédures mesures règles principes normes conditions cas dossiers demandes décisions textes
dispositions articles chapitre titre partie période nombre taux chiffres tableau annexe synthèse
introduction axe paragraphe observations points questions réponses rencontres colloque atelier
session formation capacités compétences ressources humaines outils plateforme système réseau
directions départements ministère gouvernement région province ville village population jeunes
femmes enfants marché prix qualité efficacité efficience performance pilotage coordination
""".split()  # noqa: SIM905
CITIES = [
    ("الرباط", "Rabat"), ("الدار البيضاء", "Casablanca"), ("فاس", "Fès"), ("مراكش", "Marrakech"),
    ("طنجة", "Tanger"), ("أكادير", "Agadir"), ("مكناس", "Meknès"), ("وجدة", "Oujda"),
    ("القنيطرة", "Kénitra"), ("تطوان", "Tétouan"), ("آسفي", "Safi"), ("العيون", "Laâyoune"),
    ("الداخلة", "Dakhla"), ("بني ملال", "Béni Mellal"), ("الناظور", "Nador"),
    ("الحسيمة", "Al Hoceïma"), ("تازة", "Taza"), ("خريبكة", "Khouribga"), ("سطات", "Settat"),
    ("الجديدة", "El Jadida"),
]  # fmt: skip
TYPE_WORDS = {
    "law": ("قانون", "Loi"),
    "decree": ("مرسوم", "Décret"),
    "circular": ("دورية", "Circulaire"),
    "legal_other": ("نص تنظيمي", "Texte réglementaire"),
    "convention": ("اتفاقية", "Convention"),
    "report": ("تقرير", "Rapport"),
    "study": ("دراسة", "Étude"),
    "guide": ("دليل", "Guide"),
    "memorandum": ("مذكرة", "Note"),
    "strategy": ("وثيقة استراتيجية", "Document stratégique"),
}
TYPE_WEIGHTS = {
    "report": 25, "study": 12, "guide": 10, "law": 8, "decree": 10, "circular": 8,
    "legal_other": 5, "convention": 4, "memorandum": 10, "strategy": 8,
}  # fmt: skip
NOTICE = {
    "ar": "نص مولد آليا لاختبارات الأداء، لا يمثل أي وثيقة حقيقية.",
    "fr": "Texte généré automatiquement pour les tests de performance : aucun document réel.",
}
SENTENCES_PER_LANGUAGE = 3000
SENTENCES_PER_TOPIC = 60


def _chunks(items, size=2000):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _zipf_weights(count, exponent=1.05):
    return [1 / (rank**exponent) for rank in range(1, count + 1)]


class Vocabulary:
    """Pools of synthetic sentences per language: general ones, and ones about each theme or
    sector (made with the words of its name), so that documents of a theme share words."""

    def __init__(self, rng, topic_names):
        self.rng = rng
        self.words = {"ar": AR_WORDS, "fr": FR_WORDS}
        self.links = {"ar": AR_LINKS, "fr": FR_LINKS}
        self.fillers = {"ar": AR_FILLERS, "fr": FR_FILLERS}
        self.weights = {lang: _zipf_weights(len(words)) for lang, words in self.words.items()}
        self.general = {
            lang: [self.sentence(lang) for _ in range(SENTENCES_PER_LANGUAGE)]
            for lang in self.words
        }
        self.topical = {
            (lang, slug): [
                self.sentence(lang, topic=names[lang]) for _ in range(SENTENCES_PER_TOPIC)
            ]
            for slug, names in topic_names.items()
            for lang in self.words
        }

    def sentence(self, lang, topic=""):
        """Everyday words, with a few words of the integrity vocabulary (common ones often,
        rare ones seldom) and the link words of the language."""
        rng = self.rng
        words = rng.choices(self.fillers[lang], k=rng.randint(6, 13))
        for word in rng.choices(self.words[lang], self.weights[lang], k=rng.choice((0, 1, 1, 2))):
            words.insert(rng.randint(0, len(words)), word)
        parts = []
        for position, word in enumerate(words):
            if position and rng.random() < 0.35:
                parts.append(rng.choice(self.links[lang]))
            parts.append(word)
        if topic:
            parts.insert(rng.randint(0, len(parts)), topic)
        if rng.random() < 0.08:
            parts.append(rng.choice(CITIES)[0 if lang == "ar" else 1])
        text = " ".join(parts)
        return (text[0].upper() + text[1:] if lang == "fr" else text) + "."

    def paragraph(self, lang, topics, sentences):
        rng = self.rng
        chosen = []
        for _ in range(sentences):
            if topics and rng.random() < 0.4:
                chosen.append(rng.choice(self.topical[(lang, rng.choice(topics))]))
            else:
                chosen.append(rng.choice(self.general[lang]))
        return " ".join(chosen)

    def text(self, lang, topics, size):
        """About `size` characters, in paragraphs."""
        paragraphs, length = [], 0
        while length < size:
            paragraph = self.paragraph(lang, topics, self.rng.randint(3, 7))
            paragraphs.append(paragraph)
            length += len(paragraph) + 2
        return "\n\n".join(paragraphs)


def placeholder_pdf():
    """The bytes of the shared placeholder file: a real small PDF saying what it is."""
    from portal.library import pdf

    return pdf.demo_pdf(
        title="Generated sample / عينة مولدة",
        abstract=(
            "This file stands for the documents of publications generated by `manage.py "
            "generate_corpus` for benchmarks. It is not a real document."
        ),
        language="en",
        lines=[NOTICE["fr"], NOTICE["ar"]],
    )


class Command(BaseCommand):
    help = (
        "Add FAKE publications for benchmarks and development (`make bench`): live pages with "
        "synthetic Arabic or French titles, summaries and extracted document text, spread over "
        "the real taxonomy and institutions, written in bulk, with their search entries. Needs "
        "the library of the demo content (load_demo). Generated publications have a slug "
        "starting with 'corpus-'; --clear removes exactly those, with their documents and "
        "search entries."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=0, help="Publications to add.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--clear", action="store_true", help="First remove the generated publications."
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing when the database already holds exactly --count generated "
            "publications (otherwise replace them).",
        )
        parser.add_argument(
            "--versions",
            default="fr",
            help="Comma-separated languages whose library gets an alias of every publication "
            "(default: fr; '' for none).",
        )

    def handle(self, *args, count, seed, clear, if_missing, versions, **options):
        if count < 0:
            raise CommandError("--count must be positive.")
        if not count and not clear:
            raise CommandError("Give --count N (publications to add) and/or --clear.")
        existing = self.generated().filter(alias_of__isnull=True).count()
        if if_missing and count and existing == count:
            self.stdout.write(f"Corpus already present: {existing} generated publications.")
            return
        if clear or (if_missing and existing):
            self.clear()
        if count:
            self.generate(count, seed, [v.strip() for v in versions.split(",") if v.strip()])

    # --- Clearing

    def generated(self):
        return PublicationPage.objects.filter(slug__startswith=SLUG_PREFIX, source=SOURCE)

    def clear(self):
        started = time.monotonic()
        ids = list(self.generated().values_list("pk", flat=True))
        originals = set(self.generated().filter(alias_of__isnull=True).values_list("pk", flat=True))
        if not ids:
            self.stdout.write("No generated publications to remove.")
            return
        with transaction.atomic():
            document_ids = set()
            for chunk in _chunks(ids):
                document_ids.update(
                    PublicationFile.objects.filter(page_id__in=chunk, document__file=PLACEHOLDER)
                    .values_list("document_id", flat=True)
                    .distinct()
                )
            touched = self.touched(ids)
            for chunk in _chunks([pk for pk in ids if pk not in touched]):
                self.delete_rows(chunk)
            if touched:
                self.delete_pages(sorted(touched))
            PublicationTombstone.objects.filter(original_id__in=originals).delete()
            # The documents no other publication uses (the shared placeholder file stays).
            used = PublicationFile.objects.values("document_id")
            for chunk in _chunks(sorted(document_ids)):
                PortalDocument.objects.filter(pk__in=chunk, file=PLACEHOLDER).exclude(
                    pk__in=used
                )._raw_delete(connection.alias)
        self.stdout.write(
            f"Removed {len(originals)} generated publications ({len(ids)} pages with their "
            f"language versions, {len(touched)} of them edited since) and their documents "
            f"in {time.monotonic() - started:.1f}s."
        )

    def touched(self, ids):
        """The pages among `ids` that something other than this command's own rows refers to
        (a revision, a log entry, a permission, a page aliasing it…): those are deleted the
        usual way, with Wagtail's signals. The others are deleted row by row, in bulk."""
        ours = {
            SearchEntry,
            PublicationFile,
            LegalRelation,
            PublicationPage.themes.through,
            PublicationPage.sectors.through,
            PublicationPage.institutions.through,
        }
        id_set = set(ids)
        touched = set()
        for chunk in _chunks(ids):
            touched.update(
                Page.objects.filter(pk__in=chunk, latest_revision__isnull=False).values_list(
                    "pk", flat=True
                )
            )
            for model in (Page, PublicationPage):
                for relation in model._meta.related_objects:
                    related = relation.related_model
                    if related in ours or getattr(relation, "parent_link", False):
                        continue
                    through = getattr(relation, "through", None)
                    if through is not None and through in ours:
                        continue
                    name = relation.field.name
                    rows = related._base_manager.filter(**{f"{name}__in": chunk}).values_list(
                        "pk", name
                    )
                    for pk, page_id in rows:
                        if not (issubclass(related, Page) and pk in id_set):
                            touched.add(page_id)
        return touched

    def delete_rows(self, ids):
        """Deletes untouched generated pages and their own rows, in bulk (no signals), and
        updates their folders' number of children."""
        using = connection.alias
        SearchEntry.objects.filter(page_id__in=ids)._raw_delete(using)
        PublicationFile.objects.filter(page_id__in=ids)._raw_delete(using)
        LegalRelation.objects.filter(Q(page_id__in=ids) | Q(target_id__in=ids))._raw_delete(using)
        for through in (
            PublicationPage.themes.through,
            PublicationPage.sectors.through,
            PublicationPage.institutions.through,
        ):
            through.objects.filter(publicationpage_id__in=ids)._raw_delete(using)
        parents = Counter(
            path[: -Page.steplen]
            for path in Page.objects.filter(pk__in=ids).values_list("path", flat=True)
        )
        PublicationPage.objects.filter(pk__in=ids)._raw_delete(using)
        Page.objects.filter(pk__in=ids)._raw_delete(using)
        for path, lost in parents.items():
            Page.objects.filter(path=path).update(numchild=Greatest(F("numchild") - lost, 0))

    def delete_pages(self, ids):
        """Wagtail's deletion, without tombstones: harvesters are not told about fake
        publications."""
        from portal.library.signals import withdrawn

        receiver = {"sender": PublicationPage, "dispatch_uid": "library-tombstone-deleted"}
        pre_delete.disconnect(**receiver)
        try:
            # Language versions first, then the originals (treebeard updates the folders).
            for chunk in _chunks(ids):
                Page.objects.filter(pk__in=chunk, alias_of__isnull=False).delete()
            for chunk in _chunks(ids):
                Page.objects.filter(pk__in=chunk).delete()
        finally:
            pre_delete.connect(withdrawn, **receiver)

    # --- Generating

    def generate(self, count, seed, versions):
        started = time.monotonic()
        rng = random.Random(seed)  # noqa: S311 (not for security)
        index = source_library()
        if index is None:
            raise CommandError("No library in the default language: run load_demo first.")
        default = index.locale
        version_locales = []
        for code in versions:
            locale = Locale.objects.filter(language_code=code).first()
            if locale is None:
                raise CommandError(f"Unknown language {code!r} in --versions.")
            if locale != default:
                version_locales.append(locale)
        folders = list(
            PublicationFolderPage.objects.child_of(index)
            .select_related("institution")
            .order_by("path")
        )
        if not folders:
            raise CommandError("The library has no institution folders: run load_demo first.")
        terms = {
            (term.kind, term.slug): term
            for term in Term.objects.filter(locale=default).order_by("sort_order", "slug")
        }
        names = {
            (term.kind, term.slug, term.locale.language_code): term.name
            for term in Term.objects.filter(locale__language_code__in=["ar", "fr"]).select_related(
                "locale"
            )
        }
        themes = [slug for kind, slug in terms if kind == TermKind.THEME]
        sectors = [slug for kind, slug in terms if kind == TermKind.SECTOR]
        if not themes or not sectors:
            raise CommandError("The taxonomy is empty: run load_demo first.")
        topic_names = {
            (kind, slug): {
                lang: names.get((kind, slug, lang)) or names.get((kind, slug, "ar"), slug)
                for lang in ("ar", "fr")
            }
            for kind, slug in terms
        }
        vocabulary = Vocabulary(rng, topic_names)
        self.stdout.write(
            f"Generating {count} publications in {len(folders)} folders "
            f"(versions: {', '.join(loc.language_code for loc in version_locales) or 'none'})…"
        )
        placeholder = self.placeholder()
        collections = {
            workspace.translation_key: workspace.collection_id
            for workspace in InstitutionWorkspace.objects.all()
        }
        root_collection = Collection.get_first_root_node().pk
        content_type = ContentType.objects.get_for_model(PublicationPage)
        with transaction.atomic():
            targets = self.targets(folders, version_locales)
            number = self.last_number() + 1
            done = 0
            while done < count:
                size = min(BATCH, count - done)
                specs = [
                    self.spec(
                        rng,
                        vocabulary,
                        number + done + i,
                        folders,
                        themes,
                        sectors,
                        topic_names,
                        terms,
                    )
                    for i in range(size)
                ]
                self.write_batch(
                    specs,
                    targets,
                    version_locales,
                    default,
                    content_type,
                    placeholder,
                    collections,
                    root_collection,
                    terms,
                )
                done += size
                self.stdout.write(f"  {done}/{count} ({time.monotonic() - started:.1f}s)")
            for folder, target in targets.items():
                if target["added"]:
                    Page.objects.filter(pk=folder).update(numchild=F("numchild") + target["added"])
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        pages = count * (1 + len(version_locales))
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {count} publications ({pages} pages with their language versions, "
                f"{count} documents, {pages} search entries) in {time.monotonic() - started:.1f}s."
            )
        )

    def placeholder(self):
        """(name, size, sha1) of the shared placeholder PDF, written once to the media storage."""
        content = placeholder_pdf()
        if default_storage.exists(PLACEHOLDER):
            with default_storage.open(PLACEHOLDER, "rb") as handle:
                if handle.read() != content:
                    default_storage.delete(PLACEHOLDER)
        if not default_storage.exists(PLACEHOLDER):
            name = default_storage.save(PLACEHOLDER, ContentFile(content))
            if name != PLACEHOLDER:
                raise CommandError(f"Could not write {PLACEHOLDER} (got {name}).")
        return PLACEHOLDER, len(content), hashlib.sha1(content).hexdigest()  # noqa: S324

    def targets(self, folders, version_locales):
        """For each folder (in the default language) and its versions, where its next child
        goes: `{folder_pk: {"folder", "next", "added"}}` and `versions[(folder_pk, locale_pk)]`."""
        targets = {}

        def add(folder):
            last = (
                Page.objects.filter(path__startswith=folder.path, depth=folder.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
            targets[folder.pk] = {"folder": folder, "next": step, "added": 0}

        self.versions = {}
        for folder in folders:
            add(folder)
            for locale in version_locales:
                version = (
                    Page.objects.filter(translation_key=folder.translation_key, locale=locale)
                    .only("path", "depth", "url_path")
                    .first()
                )
                if version is None:
                    raise CommandError(
                        f"The folder {folder.slug} has no {locale.language_code} version: "
                        "run load_demo first."
                    )
                add(version)
                self.versions[(folder.pk, locale.pk)] = version.pk
        return targets

    def last_number(self):
        last = 0
        for slug in self.generated().values_list("slug", flat=True):
            tail = slug[len(SLUG_PREFIX) :]
            if tail.isdigit():
                last = max(last, int(tail))
        return last

    def spec(self, rng, vocabulary, number, folders, themes, sectors, topic_names, terms):
        """Everything about one publication, before it is written."""
        lang = "ar" if rng.random() < 0.6 else "fr"
        li = 0 if lang == "ar" else 1
        folder = folders[min(int(rng.paretovariate(1.2)) - 1, len(folders) - 1)]
        if rng.random() < 0.5:
            folder = rng.choice(folders)
        publication_type = rng.choices(list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values()))[0]
        chosen_themes = rng.sample(themes, rng.choice((1, 1, 2, 2, 3)))
        if rng.random() < 0.25 and "prevention" in themes and "prevention" not in chosen_themes:
            chosen_themes[0] = "prevention"
        chosen_sectors = rng.sample(sectors, rng.choice((0, 1, 1, 2)))
        institutions = [folder.institution]
        if rng.random() < 0.2:
            other = rng.choice(folders).institution
            if other.pk != folder.institution.pk:
                institutions.append(other)
        # In the order the page's relations list them (pages by path, terms by their order),
        # so that the search entry has exactly the terms `index_page` would write.
        institutions.sort(key=lambda page: page.path)
        chosen_themes.sort(key=lambda slug: (terms[(TermKind.THEME, slug)].sort_order, slug))
        chosen_sectors.sort(key=lambda slug: (terms[(TermKind.SECTOR, slug)].sort_order, slug))
        published = date(2000, 1, 1) + timedelta(days=rng.randrange(26 * 365))
        topics = [(TermKind.THEME, s) for s in chosen_themes]
        topics += [(TermKind.SECTOR, s) for s in chosen_sectors]
        theme = topic_names[topics[0]][lang]
        city = rng.choice(CITIES)[li]
        words = vocabulary.words[lang]
        qualifier = " ".join(rng.sample(words[10:], 2))
        if lang == "ar":
            kind = TYPE_WORDS[publication_type][0]
            title = f"{kind} حول {theme}: {qualifier} - {city} {published.year}"
        else:
            title = (
                f"{TYPE_WORDS[publication_type][1]} : {theme.lower()}, {qualifier} "
                f"({city}, {published.year})"
            )
        summary = vocabulary.paragraph(lang, topics, rng.randint(2, 4))
        body = vocabulary.text(lang, topics, rng.randint(2000, 6000))
        text = f"{title}\n\n{body}\n\n{NOTICE[lang]}"
        legal = publication_type in LEGAL_TYPES
        return {
            "number": number,
            "lang": lang,
            "folder": folder,
            "title": title[:255],
            "summary": summary,
            "text": text,
            "publication_type": publication_type,
            "publication_date": published,
            "themes": chosen_themes,
            "sectors": chosen_sectors,
            "institutions": institutions,
            "legal_number": f"{rng.randint(1, 99)}.{rng.randint(0, 25):02d}" if legal else "",
            "legal_status": rng.choice(LegalStatus.values) if legal else "",
            "adoption_date": published - timedelta(days=rng.randint(10, 200)) if legal else None,
            "bulletin": (
                (
                    f"الجريدة الرسمية عدد {rng.randint(5000, 7400)}"
                    if lang == "ar"
                    else f"Bulletin officiel n° {rng.randint(5000, 7400)}"
                )
                if legal
                else ""
            ),
        }

    def write_batch(
        self,
        specs,
        targets,
        version_locales,
        default,
        content_type,
        placeholder,
        collections,
        root_collection,
        terms,
    ):
        name, size, sha1 = placeholder
        now = timezone.now()
        documents = PortalDocument.objects.bulk_create(
            [
                PortalDocument(
                    title=spec["title"],
                    file=name,
                    file_size=size,
                    file_hash=sha1,
                    collection_id=collections.get(
                        spec["folder"].institution.translation_key, root_collection
                    ),
                    created_at=now,
                    text=spec["text"],
                    extraction=TextExtraction.OK,
                    extracted_hash=sha1,
                )
                for spec in specs
            ]
        )

        def page(spec, parent, locale, alias_of=None, translation_key=None):
            target = targets[parent.pk]
            path = Page._get_path(parent.path, parent.depth + 1, target["next"])
            target["next"] += 1
            target["added"] += 1
            slug = f"{SLUG_PREFIX}{spec['number']:06d}"
            return PublicationPage(
                path=path,
                depth=parent.depth + 1,
                numchild=0,
                translation_key=translation_key or uuid.uuid4(),
                locale_id=locale.pk,
                live=True,
                has_unpublished_changes=False,
                first_published_at=None if alias_of else now,
                last_published_at=None if alias_of else now,
                title=spec["title"],
                draft_title=spec["title"],
                slug=slug,
                content_type_id=content_type.pk,
                url_path=f"{parent.url_path}{slug}/",
                alias_of_id=alias_of,
                publication_type=spec["publication_type"],
                language=spec["lang"],
                summary=spec["summary"],
                publication_date=spec["publication_date"],
                authors="",
                legal_number=spec["legal_number"],
                adoption_date=spec["adoption_date"],
                bulletin=spec["bulletin"],
                legal_status=spec["legal_status"],
                source=SOURCE,
            )

        originals = [page(spec, spec["folder"], default) for spec in specs]
        self.insert_pages(originals)
        all_pages = [
            (spec, original, doc)
            for spec, original, doc in zip(specs, originals, documents, strict=True)
        ]
        versions = []
        for locale in version_locales:
            aliases = []
            for spec, original in zip(specs, originals, strict=True):
                parent = targets[self.versions[(spec["folder"].pk, locale.pk)]]["folder"]
                aliases.append(page(spec, parent, locale, original.pk, original.translation_key))
            self.insert_pages(aliases)
            versions += [
                (spec, alias, doc)
                for spec, alias, doc in zip(specs, aliases, documents, strict=True)
            ]
        all_pages += versions

        theme_rows, sector_rows, institution_rows, files, entries = [], [], [], [], []
        through_theme = PublicationPage.themes.through
        through_sector = PublicationPage.sectors.through
        through_institution = PublicationPage.institutions.through
        documents_terms = {}
        for spec, pub, document in all_pages:
            theme_rows += [
                through_theme(publicationpage_id=pub.pk, term_id=terms[(TermKind.THEME, s)].pk)
                for s in spec["themes"]
            ]
            sector_rows += [
                through_sector(publicationpage_id=pub.pk, term_id=terms[(TermKind.SECTOR, s)].pk)
                for s in spec["sectors"]
            ]
            institution_rows += [
                through_institution(publicationpage_id=pub.pk, institutionpage_id=i.pk)
                for i in spec["institutions"]
            ]
            files.append(
                PublicationFile(
                    page_id=pub.pk, document_id=document.pk, language=spec["lang"], sort_order=0
                )
            )
            if document.pk not in documents_terms:
                # As `portal.search.index.index_page` analyses `PublicationPage.search_document`.
                metadata = [pub.authors, pub.legal_number, pub.bulletin]
                metadata += [f"{i.title} {i.acronym}" for i in spec["institutions"]]
                metadata += [terms[(TermKind.THEME, s)].name for s in spec["themes"]]
                metadata += [terms[(TermKind.SECTOR, s)].name for s in spec["sectors"]]
                metadata = " ".join(part for part in metadata if part)
                text = "\n\n".join(part for part in (pub.summary, document.text) if part)
                documents_terms[document.pk] = (
                    index_text(pub.title),
                    index_text(f"{metadata}\n{text}"),
                    text,
                )
            title_terms, body_terms, text = documents_terms[document.pk]
            entries.append(
                SearchEntry(
                    page_id=pub.pk,
                    locale_id=pub.locale_id,
                    kind=SearchEntry.Kind.PUBLICATION,
                    publication_type=pub.publication_type,
                    title_terms=title_terms,
                    body_terms=body_terms,
                    text=text,
                )
            )
        through_theme.objects.bulk_create(theme_rows)
        through_sector.objects.bulk_create(sector_rows)
        through_institution.objects.bulk_create(institution_rows)
        PublicationFile.objects.bulk_create(files)
        self.insert_entries(entries)

    def insert_pages(self, pages):
        """Page rows in bulk, then the publication rows (Django's bulk_create does not do
        multi-table inheritance)."""
        base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        bases = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(p, f.attname) for f in base_fields}) for p in pages]
        )
        for pub, base in zip(pages, bases, strict=True):
            if base.pk is None:
                raise CommandError("The database did not return the ids of the new pages.")
            pub.pk = pub.page_ptr_id = base.pk
        fields = PublicationPage._meta.local_concrete_fields
        quote = connection.ops.quote_name
        sql = (
            f"INSERT INTO {quote(PublicationPage._meta.db_table)} "  # noqa: S608 (model names)
            f"({', '.join(quote(f.column) for f in fields)}) "
            f"VALUES ({', '.join(['%s'] * len(fields))})"
        )
        rows = [
            [f.get_db_prep_save(getattr(pub, f.attname), connection) for f in fields]
            for pub in pages
        ]
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)

    def insert_entries(self, entries):
        """Search entries in bulk: SQLite's triggers fill its FTS5 table; on PostgreSQL the
        tsvector is written with the row (what `backends.after_save` would set)."""
        if connection.vendor != "postgresql":
            SearchEntry.objects.bulk_create(entries)
            return
        columns = ["page_id", "locale_id", "kind", "publication_type", "title_terms", "body_terms"]
        columns += ["text", "tsv", "rank_tsv"]
        sql = (
            f"INSERT INTO {SearchEntry._meta.db_table} ({', '.join(columns)}) "  # noqa: S608
            f"VALUES ({', '.join(['%s'] * (len(columns) - 2))}, %s::tsvector, %s::tsvector)"
        )
        rows = [
            [
                e.page_id,
                e.locale_id,
                e.kind,
                e.publication_type,
                e.title_terms,
                e.body_terms,
                e.text,
                *backends.postgres_vectors(e.title_terms, e.body_terms),
            ]
            for e in entries
        ]
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
