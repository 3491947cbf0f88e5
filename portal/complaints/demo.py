"""Demo content of the claims: response templates in every language, a handler key for the
demo administrator, and sample claims over the last 18 months so that the workspace and the
statistics show something. Every sample claim says it is one; none describes a real case.

The claims are filed through `services.claim_file`, so their keys are sealed to the authority's
handlers who have a key pair then: call `demo_handler_ensure` first. Their history (dates,
statuses, referrals) is then written as it would have happened, backdated, with an audit entry
per change that says it is demo data."""

import contextlib
import datetime as dt
import random
import uuid

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from portal.institutions.models import InstitutionKind, InstitutionPage, InstitutionWorkspace

from .access import audit
from .choices import CLOSED, Channel, Identity, Kind, Offence, Region, Status
from .models import AuditEntry, Claim, ClaimSettings, Handler, ResponseTemplate, StatusChange
from .publish import statistics_publish
from .services import claim_file, handler_key_unlock

DEMO_NAMESPACE = uuid.UUID("0d7c3c55-2a8e-4b5e-9a3e-6c1f2f4b7d21")
DEMO_CLAIMS = 60
DEMO_MONTHS = 6  # about 10 claims a month: enough for most monthly counts to be shown
SECTORS = (
    "health",
    "education",
    "justice",
    "local-government",
    "security",
    "customs",
    "procurement",
    "finance",
    "business",
    "public-administration",
)
REFERRAL_TARGETS = ("PMP", "IGF", "IGAT", "CC")
SIGNATURE = {
    "ar": "الهيئة الوطنية للنزاهة والوقاية من الرشوة ومحاربتها",
    "fr": "L'Instance nationale de la probité, de la prévention et de la lutte contre la "
    "corruption",
    "en": "The National Authority for Probity, Prevention and the Fight against Corruption",
}

# (key, status suggested, {lang: (title, body)}); the signature is added to every body.
TEMPLATES = [
    (
        "acknowledgement",
        Status.ACKNOWLEDGED,
        {
            "ar": (
                "إشعار بالتوصل",
                "السلام عليكم،\n\nتوصلنا بتبليغكم وتم تسجيله، وسيتولى أعوان الهيئة دراسته في "
                "سرية تامة. يمكنكم تتبع مآله والإجابة عن أسئلتنا في صفحة التتبع بالبوابة "
                "باستعمال الوصل الذي سُلم لكم عند الإيداع.",
            ),
            "fr": (
                "Accusé de réception",
                "Bonjour,\n\nNous avons bien reçu votre signalement et l'avons enregistré. Les "
                "agents de l'Instance l'examineront en toute confidentialité. Vous pouvez suivre "
                "son avancement et répondre à nos questions sur la page de suivi du portail, "
                "avec le reçu qui vous a été remis lors du dépôt.",
            ),
            "en": (
                "Acknowledgement of receipt",
                "Hello,\n\nWe have received your report and registered it. The authority's staff "
                "will examine it in full confidentiality. You can follow its progress and answer "
                "our questions on the portal's follow-up page, with the receipt you were given "
                "when you filed it.",
            ),
        },
    ),
    (
        "more-information",
        Status.INFORMATION_REQUESTED,
        {
            "ar": (
                "طلب معلومات إضافية",
                "السلام عليكم،\n\nلدراسة تبليغكم، نحتاج إلى معطيات إضافية: [المطلوب: التواريخ، "
                "الأماكن، المصالح المعنية، الوثائق...]. المرجو الإجابة في صفحة التتبع باستعمال "
                "الوصل، ويمكنكم أيضا إضافة ملفات هناك. إذا اخترتم عدم الكشف عن هويتكم، فلا "
                "تذكروا اسمكم في جوابكم.",
            ),
            "fr": (
                "Demande de compléments d'information",
                "Bonjour,\n\nPour examiner votre signalement, nous avons besoin de précisions : "
                "[ce qui manque : dates, lieux, services concernés, documents…]. Merci de "
                "répondre sur la page de suivi avec votre reçu ; vous pouvez aussi y joindre des "
                "fichiers. Si vous avez choisi l'anonymat, n'indiquez pas votre nom dans votre "
                "réponse.",
            ),
            "en": (
                "Request for more information",
                "Hello,\n\nTo examine your report we need more details: [what is missing: dates, "
                "places, the services concerned, documents…]. Please answer on the follow-up "
                "page with your receipt; you can add files there too. If you chose to stay "
                "anonymous, do not give your name in your answer.",
            ),
        },
    ),
    (
        "referral",
        Status.REFERRED,
        {
            "ar": (
                "إحالة على مؤسسة مختصة",
                "السلام عليكم،\n\nبعد دراسة تبليغكم، أحلناه على [المؤسسة]، المختصة بالنظر في "
                "الوقائع التي ذكرتموها. ستتولى هذه المؤسسة دراسته، وسيصلكم جوابها في صفحة التتبع "
                "بالبوابة كما تصلكم رسائلنا. تبقى هويتكم محمية وفق الاختيار الذي عبرتم عنه عند "
                "الإيداع.",
            ),
            "fr": (
                "Transmission à une institution compétente",
                "Bonjour,\n\nAprès examen, nous avons transmis votre signalement à "
                "[l'institution], compétente pour les faits que vous décrivez. Elle l'examinera "
                "et sa réponse vous parviendra sur la page de suivi du portail, comme nos "
                "messages. Votre identité reste protégée selon le choix que vous avez fait lors "
                "du dépôt.",
            ),
            "en": (
                "Referral to a competent institution",
                "Hello,\n\nAfter examining your report, we have referred it to [the "
                "institution], which is competent for the facts you describe. It will examine "
                "it, and its answer will reach you on the portal's follow-up page, like our "
                "messages. Your identity stays protected as you chose when you filed the report.",
            ),
        },
    ),
    (
        "closure-founded",
        Status.CLOSED_FOUNDED,
        {
            "ar": (
                "حفظ الملف: تبليغ مؤسس",
                "السلام عليكم،\n\nانتهت دراسة تبليغكم، وثبتت الوقائع المبلغ عنها، فاتخذت الهيئة "
                "الإجراءات التي تدخل في اختصاصها: [الإجراءات: إحالة على النيابة العامة، تقرير "
                "إلى الإدارة المعنية...]. نشكركم على تبليغكم الذي يساهم في محاربة الفساد.",
            ),
            "fr": (
                "Clôture : signalement fondé",
                "Bonjour,\n\nL'examen de votre signalement est terminé. Les faits signalés ont "
                "été établis et l'Instance a pris les mesures qui relèvent de sa compétence : "
                "[mesures : saisine du ministère public, rapport à l'administration concernée…]. "
                "Merci pour votre signalement, qui contribue à la lutte contre la corruption.",
            ),
            "en": (
                "Closure: founded",
                "Hello,\n\nThe examination of your report is over. The facts reported were "
                "established and the authority has taken the measures within its remit: "
                "[measures: referral to the public prosecutor, report to the administration "
                "concerned…]. Thank you for your report, which helps the fight against "
                "corruption.",
            ),
        },
    ),
    (
        "closure-unfounded",
        Status.CLOSED_UNFOUNDED,
        {
            "ar": (
                "حفظ الملف: تبليغ غير مؤسس",
                "السلام عليكم،\n\nانتهت دراسة تبليغكم، ولم تسمح المعطيات المجمعة بإثبات الوقائع "
                "المبلغ عنها، لذلك تقرر حفظ الملف. إذا توفرت لديكم عناصر جديدة، يمكنكم إرسالها "
                "في صفحة التتبع، وقد يُعاد فتح الملف.",
            ),
            "fr": (
                "Clôture : signalement non fondé",
                "Bonjour,\n\nL'examen de votre signalement est terminé. Les éléments réunis "
                "n'ont pas permis d'établir les faits signalés : le dossier est classé. Si vous "
                "disposez d'éléments nouveaux, vous pouvez les envoyer sur la page de suivi, et "
                "le dossier pourra être rouvert.",
            ),
            "en": (
                "Closure: unfounded",
                "Hello,\n\nThe examination of your report is over. What was gathered did not "
                "establish the facts reported, so the file is closed. If you have new evidence, "
                "you can send it on the follow-up page and the file may be reopened.",
            ),
        },
    ),
    (
        "closure-inadmissible",
        Status.CLOSED_INADMISSIBLE,
        {
            "ar": (
                "حفظ الملف: تبليغ غير مقبول",
                "السلام عليكم،\n\nلا يمكننا متابعة تبليغكم لأن [السبب: الوقائع لا تدخل في اختصاص "
                "الهيئة / القضية معروضة على القضاء / المعطيات المقدمة غير كافية لدراسته]. يمكنكم "
                "التوجه إلى [الجهة المختصة]. تم حفظ الملف، ونشكركم على ثقتكم.",
            ),
            "fr": (
                "Clôture : signalement irrecevable",
                "Bonjour,\n\nNous ne pouvons pas donner suite à votre signalement parce que "
                "[motif : les faits ne relèvent pas de la compétence de l'Instance / l'affaire "
                "est déjà devant un tribunal / le signalement ne donne pas assez d'éléments pour "
                "être examiné]. Vous pouvez vous adresser à [l'organisme compétent]. Le dossier "
                "est classé ; merci de votre confiance.",
            ),
            "en": (
                "Closure: inadmissible",
                "Hello,\n\nWe cannot act on your report because [reason: the facts are outside "
                "the authority's remit / the case is already before a court / the report gives "
                "too little to be examined]. You may turn to [the competent body]. The file is "
                "closed; thank you for your trust.",
            ),
        },
    ),
]
# The Amazigh versions are the French text until they are translated into Tifinagh.
TEMPLATE_LANGUAGES = {"ar": "ar", "fr": "fr", "en": "en", "zgh": "fr"}


def _authority_workspace():
    return ClaimSettings.load().authority


def authority_ensure():
    """Makes the demo's authority (the institution of type "anti-corruption authority") the one
    that receives every claim, when no administrator chose one yet. Returns 1 when it set it."""
    config = ClaimSettings.load()
    if config.authority_id is not None:
        return 0
    page = InstitutionPage.objects.filter(kind=InstitutionKind.AUTHORITY).order_by("pk").first()
    if page is None:
        return 0
    config.authority = InstitutionWorkspace.objects.filter(
        translation_key=page.translation_key
    ).first()
    config.save()
    return 1 if config.authority_id else 0


def response_templates_load():
    """The response templates in every language of the portal (same translation key: one
    snippet translated). Idempotent; returns how many were created."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    created = 0
    for key, status, texts in TEMPLATES:
        translation_key = uuid.uuid5(DEMO_NAMESPACE, key)
        for lang, source in TEMPLATE_LANGUAGES.items():
            locale = locales.get(lang)
            if locale is None:
                continue
            if ResponseTemplate.objects.filter(
                translation_key=translation_key, locale=locale
            ).exists():
                continue
            title, body = texts[source]
            ResponseTemplate.objects.create(
                translation_key=translation_key,
                locale=locale,
                title=title,
                status=status,
                body=f"{body}\n\n{SIGNATURE[source]}",
            )
            created += 1
    return created


@transaction.atomic
def demo_handler_ensure(user, password):
    """Makes `user` a handler of the authority (and an identity custodian), with a key pair
    opened by `password`. Returns the handler, or None when the authority does not exist yet
    or the password does not open the user's key."""
    workspace = _authority_workspace()
    if workspace is None:
        return None
    handler, _created = Handler.objects.get_or_create(
        user=user, defaults={"institution": workspace, "is_custodian": True}
    )
    if handler_key_unlock(handler=handler, password=password) is None:
        return None
    handler.refresh_from_db()
    return handler


def _plan(rng, number, now):
    """The metadata and history of sample claim `number`: (fields, filed_at, steps) where steps
    are (status, days after filing, referral target or None)."""
    age = rng.uniform(0, DEMO_MONTHS * 30.4)
    kind = rng.choices(Kind.values, weights=(3, 5, 2))[0]
    identities = ClaimSettings.load().identities(kind)
    fields = {
        "kind": kind,
        "offence": rng.choices(Offence.values, weights=(8, 4, 3, 4, 2, 3, 4, 2))[0],
        "identity": rng.choice(identities),
        "language": rng.choice(("ar", "ar", "fr", "en")),
        "sector": rng.choice((*SECTORS, "")),
        "region": rng.choices(
            (*Region.values, ""), weights=(3, 2, 3, 5, 2, 6, 4, 1, 2, 1, 1, 1, 1, 2)
        )[0],
        "channel": rng.choices(Channel.values, weights=(12, 2, 1, 2, 1))[0],
        "has_amount": rng.random() < 0.3,
    }
    steps = []
    if age > 2:
        ack = rng.uniform(0.2, 10)
        steps.append((Status.ACKNOWLEDGED, ack, None))
        if age > 20:
            roll = rng.random()
            if roll < 0.2:
                steps.append((Status.EXAMINATION, ack + rng.uniform(1, 10), None))
            elif roll < 0.35:
                steps.append((Status.INFORMATION_REQUESTED, ack + rng.uniform(2, 15), None))
            elif roll < 0.55:
                steps.append(
                    (Status.REFERRED, ack + rng.uniform(3, 20), rng.choice(REFERRAL_TARGETS))
                )
            elif age > 60:
                closed = rng.choice(sorted(CLOSED))
                steps.append((Status.EXAMINATION, ack + rng.uniform(1, 10), None))
                steps.append((closed, min(age - 1, ack + rng.uniform(20, 90)), None))
    steps = [(status, min(days, age), target) for status, days, target in steps]
    return fields, now - dt.timedelta(days=age), steps


def _content(number, fields):
    return {
        "facts": f"Sample claim for the demonstration, number {number}: invented text that "
        f"describes no real person or case ({fields['offence']}).",
        "place": "Sample place",
    }


def _history(claim, filed_at, steps, handler, workspaces):
    """Backdates the claim to `filed_at` and writes its history."""
    shift = filed_at - claim.filed_at
    updates = {
        "filed_at": filed_at,
        "acknowledge_by": claim.acknowledge_by + shift,
        "answer_by": claim.answer_by + shift,
        "last_activity_at": filed_at,
    }
    StatusChange.objects.filter(claim=claim).update(at=filed_at)
    previous = Status.RECEIVED
    for status, days, target in steps:
        at = filed_at + dt.timedelta(days=days)
        institution = workspaces.get(target)
        StatusChange.objects.create(
            claim=claim, status=status, institution=institution, by=handler, at=at
        )
        updates.update(status=status, last_activity_at=at)
        updates.setdefault("acknowledged_at", at)
        if institution is not None:
            updates["referred_to"] = institution
        if status in CLOSED:
            updates.update(closed_at=at, answered_at=updates.get("answered_at", at))
        elif status == Status.INFORMATION_REQUESTED:
            updates.setdefault("answered_at", at)
        audit(
            AuditEntry.Action.STATUS,
            user=handler.user if handler else None,
            claim=claim,
            detail=f"{previous} → {status} (demo data)",
        )
        previous = status
    if handler is not None and steps and steps[-1][0] not in CLOSED:
        updates["assigned_to"] = handler
    Claim.objects.filter(pk=claim.pk).update(**updates)


@transaction.atomic
def demo_claims_load(count=DEMO_CLAIMS, *, seed=46_19):
    """Files `count` sample claims over the last DEMO_MONTHS months (the same ones for a seed), then
    publishes their statistics (when the statistics section exists). Does nothing when any
    claim exists: sample claims are never mixed with real ones. Returns how many were filed."""
    if Claim.objects.exists():
        return 0
    rng = random.Random(seed)  # noqa: S311 - sample data, not a secret
    now = timezone.now()
    authority = _authority_workspace()
    handler = (
        Handler.objects.filter(institution=authority, is_active=True, public_key__isnull=False)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    workspaces = {
        page.acronym: workspace
        for page in InstitutionPage.objects.filter(acronym__in=REFERRAL_TARGETS)
        for workspace in InstitutionWorkspace.objects.filter(translation_key=page.translation_key)
    }
    for number in range(1, count + 1):
        fields, filed_at, steps = _plan(rng, number, now)
        steps = [step for step in steps if step[2] is None or step[2] in workspaces]
        contact = None
        if fields["identity"] != Identity.ANONYMOUS:
            contact = {"name": f"Sample reporter {number}", "email": f"sample{number}@example.org"}
        registered_by = handler if fields["channel"] != Channel.ONLINE else None
        if registered_by is None:
            fields["channel"] = Channel.ONLINE
        claim, _receipt = claim_file(
            content=_content(number, fields), contact=contact, registered_by=registered_by, **fields
        )
        _history(claim, filed_at, steps, handler, workspaces)
    with contextlib.suppress(LookupError):  # no statistics section yet: the daily run will
        statistics_publish()
    return count
