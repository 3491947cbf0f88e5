"""Other national platforms a visitor may need (from the directory seed; verify before use)."""

PLATFORMS = [
    {
        "key": "tabligh",
        "url": "https://tabligh-fassad.inpplc.ma",
        "category": "reporting",
        "phone": "",
        "source": "inpplc.ma, launch of 15 May 2024",
        "ar": (
            "منصة التبليغ عن الفساد",
            "المنصة الإلكترونية للهيئة الوطنية للنزاهة لتقديم الشكايات والتبليغات عن أفعال الفساد.",
            "الهيئة الوطنية للنزاهة",
        ),
        "fr": (
            "Plateforme de signalement de la corruption",
            "Plateforme électronique de l'INPPLC pour déposer plaintes et dénonciations d'actes de corruption.",
            "INPPLC",
        ),
        "en": (
            "Corruption reporting platform",
            "INPPLC's online platform for complaints and denunciations of corruption.",
            "INPPLC",
        ),
    },
    {
        "key": "bribery-line",
        "url": "https://www.pmp.ma",
        "category": "reporting",
        "phone": "0537 71 88 88",
        "source": "Presidency of the Public Prosecution; 51,881 calls and 164 arrests in the act up to end 2020 (press)",
        "ar": (
            "الخط المباشر للتبليغ عن الرشوة",
            "رقم هاتفي لرئاسة النيابة العامة للتبليغ عن طلب رشوة في الحين، يسمح بالضبط في حالة تلبس.",
            "رئاسة النيابة العامة",
        ),
        "fr": (
            "Ligne directe contre la corruption",
            "Numéro du ministère public pour signaler une demande de pot-de-vin en cours, permettant une arrestation en flagrant délit.",
            "Présidence du Ministère Public",
        ),
        "en": (
            "Anti-bribery hotline",
            "Public prosecution number to report a bribe being demanded right now, allowing arrest in the act.",
            "Presidency of the Public Prosecution",
        ),
    },
    {
        "key": "chikaya",
        "url": "https://www.chikaya.ma",
        "category": "complaints",
        "phone": "3737",
        "source": "Decree 2-17-265; routing within 15 days, answer within 60 days",
        "ar": (
            "البوابة الوطنية للشكايات",
            "لتقديم شكاية أو ملاحظة أو اقتراح بشأن خدمة عمومية، وتتبع معالجتها من طرف الإدارة المعنية.",
            "وزارة الانتقال الرقمي وإصلاح الإدارة",
        ),
        "fr": (
            "Portail national des réclamations",
            "Pour déposer une réclamation, une observation ou une suggestion sur un service public et suivre son traitement.",
            "Ministère de la Transition Numérique et de la Réforme de l'Administration",
        ),
        "en": (
            "National complaints portal",
            "To file a complaint, remark or suggestion about a public service and follow how the administration handles it.",
            "Ministry of Digital Transition and Administrative Reform",
        ),
    },
    {
        "key": "chafafiya",
        "url": "https://www.chafafiya.ma",
        "category": "information",
        "phone": "",
        "source": "Law 31-13, in force since 12 March 2020 (press, 2020)",
        "ar": (
            "بوابة الحق في الحصول على المعلومات",
            "لتقديم طلبات الحصول على المعلومات إلى الإدارات والمؤسسات العمومية وتتبعها.",
            "لجنة الحق في الحصول على المعلومات",
        ),
        "fr": (
            "Portail du droit d'accès à l'information",
            "Pour adresser et suivre des demandes d'accès à l'information auprès des administrations et établissements publics.",
            "Commission du Droit d'Accès à l'Information",
        ),
        "en": (
            "Access to information portal",
            "To send and follow requests for information to administrations and public bodies.",
            "Commission for the Right of Access to Information",
        ),
    },
    {
        "key": "data-gov",
        "url": "https://data.gov.ma",
        "category": "open_data",
        "phone": "",
        "source": "data.gov.ma",
        "ar": (
            "بوابة البيانات المفتوحة",
            "مجموعات البيانات العمومية المفتوحة التي تنشرها الإدارات المغربية.",
            "",
        ),
        "fr": (
            "Portail des données ouvertes",
            "Jeux de données publiques ouvertes publiés par les administrations marocaines.",
            "",
        ),
        "en": (
            "Open data portal",
            "Open public datasets published by Moroccan administrations.",
            "",
        ),
    },
    {
        "key": "marches-publics",
        "url": "https://www.marchespublics.gov.ma",
        "category": "procurement",
        "phone": "",
        "source": "Decree 2-22-431 on public procurement, art. 20",
        "ar": (
            "بوابة الصفقات العمومية",
            "تنشر فيها إعلانات وطلبات العروض ونتائج الصفقات العمومية.",
            "الخزينة العامة للمملكة",
        ),
        "fr": (
            "Portail des marchés publics",
            "Publie les avis d'appels d'offres et les résultats des marchés publics.",
            "Trésorerie Générale du Royaume",
        ),
        "en": (
            "Public procurement portal",
            "Publishes calls for tenders and the results of public contracts.",
            "Treasury General of the Kingdom",
        ),
    },
    {
        "key": "cndp",
        "url": "https://www.cndp.ma",
        "category": "personal_data",
        "phone": "",
        "source": "Law 09-08",
        "ar": (
            "اللجنة الوطنية لحماية المعطيات الشخصية",
            "لتقديم شكاية بشأن معالجة معطياتك الشخصية أو للاستعلام عن حقوقك.",
            "CNDP",
        ),
        "fr": (
            "Protection des données personnelles (CNDP)",
            "Pour porter plainte au sujet du traitement de vos données personnelles ou connaître vos droits.",
            "CNDP",
        ),
        "en": (
            "Personal data protection (CNDP)",
            "To complain about how your personal data is processed or learn your rights.",
            "CNDP",
        ),
    },
    {
        "key": "mediateur",
        "url": "https://www.mediateur.ma",
        "category": "mediation",
        "phone": "",
        "source": "Law 14-16; 7,226 files in 2023, of which 1,836 outside its remit (lexisma.info)",
        "ar": (
            "مؤسسة وسيط المملكة",
            "لتقديم تظلم من قرار أو تصرف إداري تعتبره مجحفا بعد استنفاد الطرق الإدارية.",
            "مؤسسة وسيط المملكة",
        ),
        "fr": (
            "Médiateur du Royaume",
            "Pour contester une décision ou un comportement de l'administration jugé injuste, après les recours administratifs.",
            "Institution du Médiateur du Royaume",
        ),
        "en": (
            "Ombudsman of the Kingdom",
            "To challenge an administrative decision or conduct you find unfair, once administrative remedies are exhausted.",
            "Institution of the Ombudsman",
        ),
    },
]
