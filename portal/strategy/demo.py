"""Demo content of the strategy tracker.

The 2015-2025 National Anti-Corruption Strategy (SNLCC) is real: its dates, phases and ten
programmes come from the press reports listed in `SOURCES` (../shared/reference/facts.md). The
projects and measures under each programme are not published in those sources: the ones below
are illustrative, marked `sample`, and the pages say so. The 2025-2030 successor is a sample
structure too. Reports are dated relative to the day the demo is loaded, so that the current
quarter always shows institutions that reported and institutions that did not.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from portal.core.models import Term, default_locale_id
from portal.institutions.models import InstitutionPage

from .models import Cycle, Indicator, Item, Level, Phase, ProgressReport, ReportState
from .periods import current_period, previous_quarter, quarter_end

SOURCE_STRUCTURE = "Aujourd'hui le Maroc, maghress.com/fr/aujourdhui/123381; Les Echos, maghress.com/fr/lesechos/140508"
SOURCE_PROGRAMMES = "Aujourd'hui le Maroc, maghress.com/fr/aujourdhui/242269"
SAMPLE = "Sample content: illustrative, not from a public source."

CYCLES = [
    {
        "slug": "snlcc-2015-2025",
        "title": (
            "الاستراتيجية الوطنية لمكافحة الفساد 2015-2025",
            "Stratégie nationale de lutte contre la corruption 2015-2025",
            "National Anti-Corruption Strategy 2015-2025",
        ),
        "summary": (
            "صادقت عليها اللجنة الوطنية لمكافحة الفساد في 28 دجنبر 2015 وانطلق تنفيذها في 3 ماي 2016: 239 مشروعا في 10 برامج و5 محاور، بميزانية تقارب 1,796 مليار درهم. الهدف المعلن: رفع تنقيط المغرب في مؤشر إدراك الفساد إلى 60 من 100 في أفق 2025 (القيمة في 2025: 39، منظمة الشفافية الدولية). أعلنت الحكومة في يناير 2025 تحقيق 76 في المائة من الأهداف.",
            "Validée par la Commission nationale anti-corruption le 28 décembre 2015, mise en œuvre à partir du 3 mai 2016 : 239 projets en 10 programmes et 5 axes, pour un budget d'environ 1,796 milliard de dirhams. Objectif annoncé : porter le score du Maroc à l'Indice de perception de la corruption à 60/100 en 2025 (valeur en 2025 : 39, Transparency International). Le gouvernement a annoncé en janvier 2025 que 76 % des objectifs étaient atteints.",
            "Validated by the National Anti-Corruption Commission on 28 December 2015 and launched on 3 May 2016: 239 projects in 10 programmes and 5 pillars, with a budget of about 1.796 billion dirhams. Stated target: raise Morocco's Corruption Perceptions Index score to 60/100 by 2025 (value in 2025: 39, Transparency International). In January 2025 the government reported 76% of the objectives achieved.",
        ),
        "start": datetime.date(2015, 12, 28),
        "end": datetime.date(2025, 12, 31),
        "source": f"{SOURCE_STRUCTURE}; mediamarketing.ma (launch); frontierafricareports.com (76 %); Transparency International CPI 2025",
        "source_url": "https://maghress.com/fr/aujourdhui/123381",
        "phases": [
            (
                datetime.date(2015, 12, 28),
                datetime.date(2016, 12, 31),
                "المرحلة الأولى 2015-2016 (174 مشروعا)",
                "Phase 1 2015-2016 (174 projets)",
                "Phase 1 2015-2016 (174 projects)",
            ),
            (
                datetime.date(2017, 1, 1),
                datetime.date(2020, 12, 31),
                "المرحلة الثانية 2017-2020 (59 مشروعا)",
                "Phase 2 2017-2020 (59 projets)",
                "Phase 2 2017-2020 (59 projects)",
            ),
            (
                datetime.date(2021, 1, 1),
                datetime.date(2025, 12, 31),
                "المرحلة الثالثة 2021-2025 (6 مشاريع)",
                "Phase 3 2021-2025 (6 projets)",
                "Phase 3 2021-2025 (6 projects)",
            ),
        ],
    },
    {
        "slug": "snlcc-2025-2030",
        "title": (
            "الاستراتيجية الوطنية لمكافحة الفساد 2025-2030",
            "Stratégie nationale de lutte contre la corruption 2025-2030",
            "National Anti-Corruption Strategy 2025-2030",
        ),
        "summary": (
            "مثال توضيحي: برامج الاستراتيجية الموالية وتواريخها ليست في المصادر المستعملة، والبنية المعروضة هنا نموذج لتجربة المتابعة.",
            "Exemple : les programmes et les dates de la stratégie suivante ne figurent pas dans les sources utilisées ; la structure présentée ici est un modèle pour essayer le suivi.",
            "Sample: the programmes and dates of the successor strategy are not in the sources used; the structure shown here is a model to try the tracker with.",
        ),
        "start": datetime.date(2026, 1, 1),
        "end": datetime.date(2030, 12, 31),
        "source": SAMPLE,
        "source_url": "",
        "phases": [
            (
                datetime.date(2026, 1, 1),
                datetime.date(2027, 12, 31),
                "المرحلة الأولى 2026-2027",
                "Phase 1 2026-2027",
                "Phase 1 2026-2027",
            ),
            (
                datetime.date(2028, 1, 1),
                datetime.date(2030, 12, 31),
                "المرحلة الثانية 2028-2030",
                "Phase 2 2028-2030",
                "Phase 2 2028-2030",
            ),
        ],
    },
]

# The ten programmes of 2015-2025 (real): code, themes, sectors, ar, fr, en.
PROGRAMMES = [
    (
        "P01",
        ["prevention"],
        ["public-administration"],
        "الخدمات المقدمة للمواطنين",
        "Services aux citoyens",
        "Services to citizens",
    ),
    (
        "P02",
        ["transparency"],
        ["public-administration"],
        "الإدارة الإلكترونية",
        "Administration électronique",
        "E-administration",
    ),
    (
        "P03",
        ["transparency"],
        [],
        "الشفافية والحق في الحصول على المعلومات",
        "Transparence et accès à l'information",
        "Transparency and access to information",
    ),
    (
        "P04",
        ["ethics"],
        [],
        "الأخلاقيات والتخليق",
        "Éthique et déontologie",
        "Ethics and integrity",
    ),
    (
        "P05",
        ["accountability"],
        ["finance"],
        "المراقبة والمساءلة",
        "Contrôle et reddition des comptes",
        "Oversight and accountability",
    ),
    (
        "P06",
        ["accountability"],
        ["justice"],
        "تعزيز المتابعة والزجر",
        "Renforcement des poursuites et de la répression",
        "Strengthening prosecution and sanctions",
    ),
    (
        "P07",
        ["public-procurement"],
        ["procurement"],
        "الطلبيات العمومية",
        "Commande publique",
        "Public procurement",
    ),
    (
        "P08",
        ["prevention"],
        ["business"],
        "نزاهة عالم الأعمال",
        "Intégrité du monde des affaires",
        "Integrity in business",
    ),
    (
        "P09",
        ["awareness"],
        [],
        "التواصل والتحسيس",
        "Communication et sensibilisation",
        "Communication and awareness",
    ),
    (
        "P10",
        ["awareness"],
        ["education"],
        "التربية والتكوين",
        "Éducation et formation",
        "Education and training",
    ),
]

# Sample projects of 2015-2025, one per programme: code, responsible, ar, fr, en.
PROJECTS = [
    (
        "P01.1",
        "mtnra",
        "تبسيط المساطر الإدارية ونشرها",
        "Simplifier et publier les procédures administratives",
        "Simplify and publish administrative procedures",
    ),
    (
        "P02.1",
        "mtnra",
        "رقمنة الخدمات الأكثر طلبا",
        "Dématérialiser les services les plus demandés",
        "Digitise the most requested services",
    ),
    (
        "P03.1",
        "cdai",
        "تفعيل الحق في الحصول على المعلومات",
        "Rendre effectif le droit d'accès à l'information",
        "Make the right of access to information effective",
    ),
    (
        "P04.1",
        "inpplc",
        "مدونات السلوك في المرافق العمومية",
        "Codes de conduite dans les services publics",
        "Codes of conduct in public services",
    ),
    (
        "P05.1",
        "cour-des-comptes",
        "تعزيز المراقبة وتتبع التوصيات",
        "Renforcer le contrôle et le suivi des recommandations",
        "Strengthen audits and the follow-up of recommendations",
    ),
    (
        "P06.1",
        "pmp",
        "تسريع معالجة قضايا الفساد",
        "Accélérer le traitement des affaires de corruption",
        "Speed up the handling of corruption cases",
    ),
    (
        "P07.1",
        "igf",
        "نشر المعطيات المفتوحة للصفقات العمومية",
        "Publier en données ouvertes les marchés publics",
        "Publish public procurement as open data",
    ),
    (
        "P08.1",
        "cgem",
        "برامج الامتثال في المقاولات",
        "Programmes de conformité dans les entreprises",
        "Compliance programmes in companies",
    ),
    (
        "P09.1",
        "inpplc",
        "حملات التحسيس الوطنية",
        "Campagnes nationales de sensibilisation",
        "National awareness campaigns",
    ),
    (
        "P10.1",
        "inpplc",
        "إدماج قيم النزاهة في المناهج",
        "Intégrer l'intégrité dans les programmes scolaires",
        "Bring integrity into school curricula",
    ),
]

# Sample measures: code, responsible, partners, start, end, status, progress, successor code
# (in 2025-2030) or "", ar, fr, en.
MEASURES_2015 = [
    (
        "P01.1.1",
        "mtnra",
        ["arm"],
        (2016, 5, 3),
        (2019, 12, 31),
        "completed",
        100,
        "",
        "دليل المساطر الإدارية على الإنترنت",
        "Guide en ligne des procédures administratives",
        "Online guide to administrative procedures",
    ),
    (
        "P01.1.2",
        "arm",
        ["mtnra"],
        (2017, 1, 1),
        (2025, 12, 31),
        "delayed",
        55,
        "A01.1.1",
        "شباك وحيد في الجهات",
        "Guichet unique dans les régions",
        "One-stop shops in the regions",
    ),
    (
        "P02.1.1",
        "mtnra",
        [],
        (2016, 5, 3),
        (2020, 12, 31),
        "completed",
        100,
        "",
        "بوابة وطنية للخدمات الإلكترونية",
        "Portail national des e-services",
        "National e-services portal",
    ),
    (
        "P02.1.2",
        "adii",
        ["mtnra"],
        (2017, 1, 1),
        (2022, 12, 31),
        "completed",
        100,
        "",
        "التصريح الجمركي الإلكتروني",
        "Déclaration douanière dématérialisée",
        "Paperless customs declaration",
    ),
    (
        "P03.1.1",
        "cdai",
        ["mtnra"],
        (2018, 3, 12),
        (2021, 12, 31),
        "completed",
        100,
        "",
        "بوابة طلبات الحصول على المعلومات",
        "Portail des demandes d'accès à l'information",
        "Portal for access-to-information requests",
    ),
    (
        "P03.1.2",
        "cdai",
        [],
        (2020, 3, 12),
        (2025, 12, 31),
        "ongoing",
        70,
        "A02.1.1",
        "النشر الاستباقي للمعلومات العمومية",
        "Publication proactive des informations publiques",
        "Proactive publication of public information",
    ),
    (
        "P04.1.1",
        "inpplc",
        ["mtnra"],
        (2016, 5, 3),
        (2020, 12, 31),
        "completed",
        100,
        "",
        "ميثاق المرافق العمومية",
        "Charte des services publics",
        "Public services charter",
    ),
    (
        "P04.1.2",
        "inpplc",
        [],
        (2021, 1, 1),
        (2025, 12, 31),
        "delayed",
        40,
        "A02.1.2",
        "نظام تدبير تضارب المصالح",
        "Dispositif de gestion des conflits d'intérêts",
        "Conflict-of-interest management system",
    ),
    (
        "P05.1.1",
        "cour-des-comptes",
        ["igf"],
        (2016, 5, 3),
        (2021, 12, 31),
        "completed",
        100,
        "",
        "نشر تقارير المراقبة",
        "Publication des rapports de contrôle",
        "Publication of audit reports",
    ),
    (
        "P05.1.2",
        "igat",
        ["igf"],
        (2017, 1, 1),
        (2025, 12, 31),
        "ongoing",
        80,
        "A03.1.1",
        "تتبع تنفيذ توصيات المفتشيات",
        "Suivi de la mise en œuvre des recommandations des inspections",
        "Tracking the implementation of inspection recommendations",
    ),
    (
        "P06.1.1",
        "pmp",
        ["cspj"],
        (2016, 5, 3),
        (2018, 12, 31),
        "completed",
        100,
        "",
        "خط مباشر للتبليغ عن الرشوة",
        "Ligne directe de signalement de la corruption",
        "Direct line for reporting bribery",
    ),
    (
        "P06.1.2",
        "cspj",
        ["pmp"],
        (2019, 1, 1),
        (2025, 12, 31),
        "ongoing",
        65,
        "A03.1.2",
        "أقسام متخصصة في الجرائم المالية",
        "Sections spécialisées dans les crimes financiers",
        "Specialised financial crime sections",
    ),
    (
        "P07.1.1",
        "igf",
        [],
        (2016, 5, 3),
        (2019, 12, 31),
        "completed",
        100,
        "",
        "بوابة الصفقات العمومية",
        "Portail des marchés publics",
        "Public procurement portal",
    ),
    (
        "P07.1.2",
        "igf",
        ["cour-des-comptes"],
        (2020, 1, 1),
        (2025, 12, 31),
        "dropped",
        20,
        "",
        "سجل وطني للمستفيدين الحقيقيين",
        "Registre national des bénéficiaires effectifs",
        "National register of beneficial owners",
    ),
    (
        "P08.1.1",
        "cgem",
        ["inpplc"],
        (2017, 1, 1),
        (2021, 12, 31),
        "completed",
        100,
        "",
        "علامة مكافحة الفساد للمقاولات",
        "Label anti-corruption des entreprises",
        "Anti-corruption label for companies",
    ),
    (
        "P08.1.2",
        "cgem",
        [],
        (2021, 1, 1),
        (2025, 12, 31),
        "ongoing",
        50,
        "A04.1.1",
        "دليل الامتثال للمقاولات الصغرى والمتوسطة",
        "Guide de conformité pour les PME",
        "Compliance guide for SMEs",
    ),
    (
        "P09.1.1",
        "inpplc",
        ["cnp"],
        (2016, 5, 3),
        (2020, 12, 31),
        "completed",
        100,
        "",
        "حملة وطنية سنوية",
        "Campagne nationale annuelle",
        "Annual national campaign",
    ),
    (
        "P09.1.2",
        "inpplc",
        ["transparency-maroc"],
        (2021, 1, 1),
        (2025, 12, 31),
        "ongoing",
        75,
        "A05.1.1",
        "البوابة الوطنية للنزاهة",
        "Portail national d'intégrité",
        "National integrity portal",
    ),
    (
        "P10.1.1",
        "inpplc",
        [],
        (2017, 1, 1),
        (2022, 12, 31),
        "completed",
        100,
        "",
        "أندية النزاهة في المؤسسات التعليمية",
        "Clubs d'intégrité dans les établissements scolaires",
        "Integrity clubs in schools",
    ),
    (
        "P10.1.2",
        "inpplc",
        ["umt"],
        (2021, 1, 1),
        (2025, 12, 31),
        "not_started",
        0,
        "",
        "تكوين الموظفين الجدد في النزاهة",
        "Formation des nouveaux fonctionnaires à l'intégrité",
        "Integrity training for new civil servants",
    ),
]

# The sample 2025-2030 structure: programmes, one project each, measures.
PROGRAMMES_2025 = [
    (
        "A01",
        ["prevention"],
        ["public-administration"],
        "خدمات عمومية نزيهة",
        "Des services publics intègres",
        "Services with integrity",
    ),
    (
        "A02",
        ["transparency"],
        [],
        "الشفافية وتضارب المصالح",
        "Transparence et conflits d'intérêts",
        "Transparency and conflicts of interest",
    ),
    (
        "A03",
        ["accountability"],
        ["justice"],
        "المساءلة والزجر",
        "Redevabilité et sanction",
        "Accountability and sanctions",
    ),
    (
        "A04",
        ["prevention"],
        ["business"],
        "النزاهة في الاقتصاد",
        "Intégrité dans l'économie",
        "Integrity in the economy",
    ),
    (
        "A05",
        ["awareness"],
        [],
        "المشاركة والتحسيس",
        "Participation et sensibilisation",
        "Participation and awareness",
    ),
]
PROJECTS_2025 = [
    ("A01.1", "mtnra", "القرب من المرتفقين", "Proximité des usagers", "Closer to service users"),
    (
        "A02.1",
        "cdai",
        "نشر المعلومات وتدبير المصالح",
        "Publication et gestion des intérêts",
        "Publication and management of interests",
    ),
    ("A03.1", "pmp", "متابعة أسرع", "Des poursuites plus rapides", "Faster prosecution"),
    ("A04.1", "cgem", "امتثال المقاولات", "Conformité des entreprises", "Corporate compliance"),
    ("A05.1", "inpplc", "مشاركة المواطنين", "Participation des citoyens", "Citizen participation"),
]
MEASURES_2025 = [
    (
        "A01.1.1",
        "arm",
        ["mtnra"],
        (2026, 1, 1),
        (2027, 12, 31),
        "ongoing",
        30,
        "",
        "تعميم الشباك الوحيد على الجهات الاثنتي عشرة",
        "Étendre le guichet unique aux douze régions",
        "Extend one-stop shops to the twelve regions",
    ),
    (
        "A01.1.2",
        "dgsn",
        [],
        (2026, 1, 1),
        (2028, 12, 31),
        "ongoing",
        20,
        "",
        "رقمنة الخدمات الإدارية للأمن الوطني",
        "Dématérialiser les services administratifs de la sûreté",
        "Digitise police administrative services",
    ),
    (
        "A02.1.1",
        "cdai",
        [],
        (2026, 1, 1),
        (2028, 12, 31),
        "ongoing",
        25,
        "",
        "مؤشر النشر الاستباقي للإدارات",
        "Indice de publication proactive des administrations",
        "Proactive publication index of administrations",
    ),
    (
        "A02.1.2",
        "inpplc",
        ["cdai"],
        (2026, 1, 1),
        (2027, 12, 31),
        "delayed",
        10,
        "",
        "التصريح الإلكتروني بتضارب المصالح",
        "Déclaration électronique des conflits d'intérêts",
        "Electronic conflict-of-interest declarations",
    ),
    (
        "A03.1.1",
        "igat",
        ["igf"],
        (2026, 1, 1),
        (2030, 12, 31),
        "ongoing",
        15,
        "",
        "لوحة قيادة عمومية لتتبع التوصيات",
        "Tableau de bord public du suivi des recommandations",
        "Public dashboard of recommendation follow-up",
    ),
    (
        "A03.1.2",
        "cspj",
        ["pmp"],
        (2026, 1, 1),
        (2029, 12, 31),
        "ongoing",
        20,
        "",
        "آجال معالجة قضايا الفساد",
        "Délais de traitement des affaires de corruption",
        "Time to handle corruption cases",
    ),
    (
        "A04.1.1",
        "cgem",
        ["inpplc"],
        (2026, 1, 1),
        (2028, 12, 31),
        "not_started",
        0,
        "",
        "دليل الامتثال للمقاولات الصغرى والمتوسطة، الطبعة الثانية",
        "Guide de conformité pour les PME, 2e édition",
        "Compliance guide for SMEs, 2nd edition",
    ),
    (
        "A05.1.1",
        "inpplc",
        ["transparency-maroc"],
        (2026, 1, 1),
        (2030, 12, 31),
        "ongoing",
        35,
        "",
        "إغناء البوابة الوطنية للنزاهة من طرف الشركاء",
        "Enrichissement du portail national d'intégrité par les partenaires",
        "Partners enrich the national integrity portal",
    ),
    (
        "A05.1.2",
        "cnp",
        ["inpplc"],
        (2026, 6, 1),
        (2028, 12, 31),
        "not_started",
        0,
        "",
        "تكوين الصحفيين في التحقيق في الفساد",
        "Former les journalistes à l'enquête sur la corruption",
        "Train journalists in corruption reporting",
    ),
]

# Sample indicators: measure code, target, actual, unit, ar, fr, en.
INDICATORS = [
    (
        "A01.1.1",
        12,
        4,
        "",
        "عدد الجهات التي تتوفر على شباك وحيد",
        "Régions dotées d'un guichet unique",
        "Regions with a one-stop shop",
    ),
    (
        "A05.1.1",
        40,
        22,
        "",
        "عدد المؤسسات المساهمة في البوابة",
        "Institutions contribuant au portail",
        "Institutions contributing to the portal",
    ),
    (
        "A03.1.2",
        12,
        18,
        "months",
        "متوسط مدة معالجة القضية (بالأشهر)",
        "Durée moyenne de traitement (mois)",
        "Average handling time (months)",
    ),
]

# Which sample measures of 2025-2030 have reports, relative to the current quarter: code ->
# list of (quarters back, state, rating). Measures not listed show "no update received".
REPORTS = {
    "A01.1.1": [(0, "published", "progress"), (1, "published", "progress")],
    "A02.1.1": [(0, "submitted", ""), (1, "published", "progress")],
    "A03.1.1": [(0, "published", "progress"), (1, "published", "not_implemented")],
    "A03.1.2": [(1, "published", "progress")],
    "A05.1.1": [(0, "published", "full"), (1, "published", "progress")],
}
NARRATIVE = (
    "مثال توضيحي: تقدم الإجراء وفق البرنامج المسطر خلال هذا الفصل.",
    "Exemple : la mesure a avancé selon le programme prévu au cours de ce trimestre.",
    "Sample: the measure progressed as planned during this quarter.",
)


def _texts(prefix, values):
    return {
        f"{prefix}_{code}": value for code, value in zip(("ar", "fr", "en"), values, strict=True)
    }


class StrategyLoader:
    """Loads the cycles, their items and sample reports. Idempotent: a cycle already present is
    left as it is (an operator may have edited it)."""

    def __init__(self):
        self.created = 0
        locale_id = default_locale_id()
        self.institutions = {
            page.slug: page
            for page in InstitutionPage.objects.filter(locale_id=locale_id, alias_of__isnull=True)
        }
        self.terms = {term.slug: term for term in Term.objects.filter(locale_id=locale_id)}

    @transaction.atomic
    def load(self):
        for data, programmes, projects, measures, source in (
            (CYCLES[0], PROGRAMMES, PROJECTS, MEASURES_2015, SOURCE_PROGRAMMES),
            (CYCLES[1], PROGRAMMES_2025, PROJECTS_2025, MEASURES_2025, SAMPLE),
        ):
            if Cycle.objects.filter(slug=data["slug"]).exists():
                continue
            cycle = self._cycle(data)
            self._items(cycle, programmes, projects, measures, programme_source=source)
        self._successors()
        self._indicators_and_reports()
        return self.created

    def _cycle(self, data):
        cycle = Cycle.objects.create(
            slug=data["slug"],
            start_date=data["start"],
            end_date=data["end"],
            source=data["source"],
            source_url=data["source_url"],
            **_texts("title", data["title"]),
            **_texts("summary", data["summary"]),
        )
        for start, end, *titles in data["phases"]:
            Phase.objects.create(
                cycle=cycle, start_date=start, end_date=end, **_texts("title", titles)
            )
        self.created += 1
        return cycle

    def _item(self, cycle, parent, level, code, order, titles, **fields):
        sectors = fields.pop("sectors", [])
        themes = fields.pop("themes", [])
        partners = fields.pop("partners", [])
        item = Item(
            cycle=cycle,
            parent=parent,
            level=level,
            code=code,
            sort_order=order,
            **_texts("title", titles),
            **fields,
        )
        item.full_clean()
        item.save()
        item.sectors.set([self.terms[slug] for slug in sectors])
        item.themes.set([self.terms[slug] for slug in themes])
        item.partners.set([self.institutions[slug] for slug in partners])
        self.created += 1
        return item

    def _items(self, cycle, programmes, projects, measures, *, programme_source):
        parents = {}
        for order, (code, themes, sectors, *titles) in enumerate(programmes):
            parents[code] = self._item(
                cycle,
                None,
                Level.PROGRAMME,
                code,
                order,
                titles,
                themes=themes,
                sectors=sectors,
                start_date=cycle.start_date,
                end_date=cycle.end_date,
                status="ongoing",
                source=programme_source,
            )
        for order, (code, responsible, *titles) in enumerate(projects):
            programme = parents[code.rsplit(".", 1)[0]]
            parents[code] = self._item(
                cycle,
                programme,
                Level.PROJECT,
                code,
                order,
                titles,
                responsible=self.institutions[responsible],
                status="ongoing",
                sample=True,
                source=SAMPLE,
            )
        for order, (
            code,
            responsible,
            partners,
            start,
            end,
            status,
            progress,
            _successor,
            *titles,
        ) in enumerate(measures):
            self._item(
                cycle,
                parents[code.rsplit(".", 1)[0]],
                Level.MEASURE,
                code,
                order,
                titles,
                responsible=self.institutions[responsible],
                partners=partners,
                start_date=datetime.date(*start),
                end_date=datetime.date(*end),
                status=status,
                progress=progress,
                sample=True,
                source=SAMPLE,
            )

    def _successors(self):
        successors = {
            code: successor
            for code, _r, _p, _s, _e, _st, _pr, successor, *_t in MEASURES_2015
            if successor
        }
        items = {
            item.code: item
            for item in Item.objects.filter(
                cycle__slug=CYCLES[1]["slug"], code__in=successors.values()
            )
        }
        for item in Item.objects.filter(
            cycle__slug=CYCLES[0]["slug"], code__in=successors, successor__isnull=True
        ):
            item.successor = items[successors[item.code]]
            item.save(update_fields=["successor"])

    def _indicators_and_reports(self):
        measures = {item.code: item for item in Item.objects.filter(cycle__slug=CYCLES[1]["slug"])}
        if Indicator.objects.filter(item__in=measures.values()).exists():
            return
        for code, target, actual, unit, *names in INDICATORS:
            Indicator.objects.create(
                item=measures[code],
                target=target,
                actual=actual,
                unit=unit,
                **_texts("name", names),
            )
            self.created += 1
        now = timezone.now()
        for code, reports in REPORTS.items():
            measure = measures[code]
            for back, state, rating in reports:
                period = current_period()
                for _ in range(back):
                    period = previous_quarter(*period)
                sent = timezone.make_aware(
                    datetime.datetime.combine(quarter_end(*period), datetime.time(10))
                    + datetime.timedelta(days=10)
                )
                ProgressReport.objects.create(
                    item=measure,
                    year=period[0],
                    quarter=period[1],
                    state=state,
                    status=measure.status,
                    progress=max(measure.progress - 5 * back, 0),
                    narrative=NARRATIVE[0],
                    language="ar",
                    submitted_at=min(sent, now),
                    reviewed_at=min(sent, now) if state == ReportState.PUBLISHED else None,
                    rating=rating if state == ReportState.PUBLISHED else "",
                )
                self.created += 1
