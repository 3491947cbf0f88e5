"""Text of the home page and section index pages, per language. Every figure carries its source
(../shared/reference/facts.md)."""

CPI = {
    "value": "39/100",
    "source": "Transparency International, Corruption Perceptions Index 2025, CC BY-ND 4.0",
    "url": "https://www.transparency.org/en/cpi/2025",
}
STRATEGY = {
    "value": "239",
    "source": "Les Échos, via maghress.com/fr/lesechos/140508",
    "url": "https://maghress.com/fr/lesechos/140508",
}
PARTNERS = {
    "value": "19",
    "source": "OGP Independent Reporting Mechanism, commitment MO0033",
    "url": "https://www.opengovpartnership.org/members/morocco/commitments/MO0033/",
}
LAUNCH = {
    "value": "2024",
    "source": "inpplc.ma, launch news of 15 May 2024",
    "url": "https://www.inpplc.ma",
}

HOME = {
    "ar": {
        "title": "بوابة النزاهة الوطنية",
        "intro": "المكان الذي تنشر فيه الهيئة الوطنية للنزاهة وشركاؤها ما يتعلق بالنزاهة والوقاية من الرشوة ومحاربتها، وحيث يجد المواطن القنوات المناسبة لتقديم شكاياته.",
        "figures": [
            (CPI, "نقطة المغرب في مؤشر إدراك الفساد 2025 (الرتبة 91 من 182)"),
            (STRATEGY, "مشروعا في 10 برامج ضمن الاستراتيجية الوطنية لمكافحة الفساد 2015-2025"),
            (PARTNERS, "مؤسسة شريكة ساهمت بمحتوى البوابة"),
            (LAUNCH, "سنة إطلاق البوابة الوطنية للنزاهة ومنصة التبليغ (15 ماي 2024)"),
        ],
        "heading": "لماذا هذه البوابة؟",
        "text": "<p>التزم المغرب في إطار شراكة الحكومة المنفتحة (الالتزام MO0033، خطة العمل 2021-2023) بإحداث بوابة وطنية للنزاهة تجمع النصوص القانونية والتقارير والدراسات والإحصائيات، وتوجه المواطنين نحو قنوات تقديم الشكايات.</p>",
    },
    "fr": {
        "title": "Portail national de l'intégrité",
        "intro": "Le lieu où l'Instance nationale de la probité et ses partenaires publient ce qui concerne l'intégrité, la prévention et la lutte contre la corruption, et où chacun trouve le bon canal pour ses plaintes.",
        "figures": [
            (
                CPI,
                "Score du Maroc à l'Indice de perception de la corruption 2025 (rang 91 sur 182)",
            ),
            (
                STRATEGY,
                "projets en 10 programmes dans la Stratégie nationale de lutte contre la corruption 2015-2025",
            ),
            (PARTNERS, "institutions partenaires ont fourni le contenu du portail"),
            (
                LAUNCH,
                "lancement du portail national de l'intégrité et de la plateforme de signalement (15 mai 2024)",
            ),
        ],
        "heading": "Pourquoi ce portail ?",
        "text": "<p>Dans le cadre du Partenariat pour un gouvernement ouvert (engagement MO0033, plan d'action 2021-2023), le Maroc s'est engagé à créer un portail national de l'intégrité qui rassemble textes juridiques, rapports, études et statistiques, et oriente les citoyens vers les canaux de plainte.</p>",
    },
    "en": {
        "title": "National Integrity Portal",
        "intro": "Where the national integrity authority and its partners publish what concerns integrity and the prevention of and fight against corruption, and where everyone finds the right channel for a complaint.",
        "figures": [
            (CPI, "Morocco's score in the Corruption Perceptions Index 2025 (rank 91 of 182)"),
            (
                STRATEGY,
                "projects in 10 programmes of the National Anti-Corruption Strategy 2015-2025",
            ),
            (PARTNERS, "partner institutions contributed the portal's content"),
            (
                LAUNCH,
                "launch of the national integrity portal and the reporting platform (15 May 2024)",
            ),
        ],
        "heading": "Why this portal?",
        "text": "<p>Under the Open Government Partnership (commitment MO0033, action plan 2021-2023), Morocco committed to a national integrity portal that brings together legal texts, reports, studies and statistics, and directs citizens to the channels for complaints.</p>",
    },
    "zgh": {
        "title": "ⵜⴰⵡⵡⵓⵔⵜ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵏ ⵜⵏⵣⴰⵀⵜ",
        "intro": "ⴰⴷⵖⴰⵔ ⴰⴷ ⴳ ⵙⵙⵓⴼⵓⵖⵏ ⵜⵏⴰⴱⴰⴹⵜ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵏ ⵜⵏⵣⴰⵀⵜ ⴷ ⵉⵎⵛⴰⵔⴽⵏ ⵏⵏⵙ ⴰⵢⵍⵍⵉ ⵉⵇⵇⵏⵏ ⵜⴰⵏⵣⴰⵀⵜ.",
        "figures": [],
        "heading": "",
        "text": "",
    },
}

PARTNERS_INDEX = {
    "ar": ("الشركاء", "الهيئة الوطنية للنزاهة والمؤسسات الشريكة التي تساهم في البوابة."),
    "fr": (
        "Partenaires",
        "L'Instance nationale de la probité et les institutions partenaires qui alimentent le portail.",
    ),
    "en": (
        "Partners",
        "The national integrity authority and the partner institutions that contribute to the portal.",
    ),
    "zgh": ("ⵉⵎⵛⴰⵔⴽⵏ", "ⵜⴰⵏⴰⴱⴰⴹⵜ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵏ ⵜⵏⵣⴰⵀⵜ ⴷ ⵜⵉⵎⵔⵙⴰⵍ ⵜⵉⵎⵛⴰⵔⴽⵉⵏ."),
}

PLATFORMS_INDEX = {
    "ar": (
        "منصات وطنية أخرى",
        "ليست كل شكاية من اختصاص الهيئة: هذه هي المنصات الوطنية المختصة في مجالات أخرى.",
    ),
    "fr": (
        "Autres plateformes nationales",
        "Toute plainte ne relève pas de l'Instance : voici les plateformes nationales compétentes dans d'autres domaines.",
    ),
    "en": (
        "Other national platforms",
        "Not every complaint is for the authority: these national platforms handle other matters.",
    ),
    "zgh": ("ⵜⵉⵡⵡⵓⵔⵉⵏ ⵜⵉⵏⴰⵎⵓⵔⵉⵏ", "ⵜⵉⵡⵡⵓⵔⵉⵏ ⵜⵉⵏⴰⵎⵓⵔⵉⵏ ⵢⴰⴹⵏ."),
}

LIBRARY_INDEX = {
    "ar": (
        "المنشورات",
        "النصوص القانونية والتقارير والدراسات والأدلة المتعلقة بالنزاهة والوقاية من الرشوة، من الهيئة وشركائها.",
    ),
    "fr": (
        "Publications",
        "Textes juridiques, rapports, études et guides sur l'intégrité et la prévention de la corruption, de l'Instance et de ses partenaires.",
    ),
    "en": (
        "Publications",
        "Legal texts, reports, studies and guides on integrity and corruption prevention, from the authority and its partners.",
    ),
    "zgh": (
        "ⵜⵉⵥⵕⵉⴳⵉⵏ",
        "",
    ),
}

STATISTICS_INDEX = {
    "ar": (
        "الإحصائيات",
        "مؤشرات وطنية ودولية حول النزاهة والرشوة: قيمها ومصادرها وتعريفاتها، مع بيانات مفتوحة للتحميل.",
    ),
    "fr": (
        "Statistiques",
        "Indicateurs nationaux et internationaux sur l'intégrité et la corruption : valeurs, sources et définitions, en données ouvertes.",
    ),
    "en": (
        "Statistics",
        "National and international indicators on integrity and corruption: values, sources and definitions, as open data.",
    ),
    # "ⵜⵉⵙⵏⴰⴷⴷⴰⴷⵉⵏ" as used for "statistics" by the Amazigh Wikipedia; to be reviewed by a
    # qualified translator (IRCAM standard), as all Tifinagh text of the portal.
    "zgh": ("ⵜⵉⵙⵏⴰⴷⴷⴰⴷⵉⵏ", ""),
}
