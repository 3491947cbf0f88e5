"""The reporter's pages: no account, no session, no cookie but the CSRF one, no address or user
agent read here (only `antiabuse` keys its counters on a daily-rotating hash of the address).
Every write goes through `services`, every read of a claim's content through `access`."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail.models import Locale

from portal.institutions.models import InstitutionPage, InstitutionWorkspace
from portal.platforms.models import PlatformCategory, platforms_for_locale

from . import access, antiabuse, attachments, crypto, proof, services
from .choices import Identity, Kind, Offence, Region, Status
from .forms import (
    IDENTITY_HELP,
    STEPS,
    FactsForm,
    FinalForm,
    FollowForm,
    KindForm,
    ReplyForm,
    VerifyForm,
)
from .models import ClaimSettings
from .receipts import receipt_format

DAY = 24 * 60 * 60
FILE_LIMIT = 3  # sendings of the last step a day from one client without the proof-of-work ...
FILE_LIMIT_POW = 10  # ... and with it (JavaScript)
FOLLOW_LIMIT = 5  # receipts tried (each an Argon2id derivation) per client ...
FOLLOW_WINDOW = 15 * 60  # ... in this many seconds
REPLY_LIMIT = 30  # reporter's messages a day from one client
VERIFY_LIMIT = 20  # proofs checked per client ...
VERIFY_WINDOW = 60 * 60  # ... in this many seconds
BUSY_RETRY = 60  # seconds: Retry-After when every Argon2id slot is taken
PROOF_TOKEN_SECONDS = 60 * 60
LAST_STEP = len(STEPS)
# The public prosecution's anti-bribery line (directory seed, /work/shared/reference/facts.md).
BRIBERY_LINE = "0537 71 88 88"
TRIAGE_CATEGORIES = (
    PlatformCategory.REPORTING,
    PlatformCategory.COMPLAINTS,
    PlatformCategory.INFORMATION,
    PlatformCategory.PERSONAL_DATA,
    PlatformCategory.MEDIATION,
)


def _private(response, *, noindex=True, no_store=True):
    """Headers of every claims page: no referrer leaves it for another site; nothing personal
    is cached. (Not `no-referrer`: browsers then send `Origin: null` with the page's own forms,
    which Django's CSRF check rightly refuses.)"""
    response["Referrer-Policy"] = "same-origin"
    if noindex:
        response["X-Robots-Tag"] = "noindex, nofollow"
    if no_store:
        add_never_cache_headers(response)
    return response


def _page(request, template, context, *, status=200, noindex=True, no_store=True):
    response = render(request, template, context, status=status)
    return _private(response, noindex=noindex, no_store=no_store)


def _too_many(request, scope, window):
    seconds = antiabuse.retry_after(scope, window=window)
    response = _page(
        request,
        "complaints/too_many.html",
        {"minutes": max(1, -(-seconds // 60))},
        status=429,
    )
    return _retry_after(response, seconds)


def _retry_after(response, seconds):
    response["Retry-After"] = str(seconds)
    return response


def _deadlines(config):
    return [
        (label, config.acknowledge_days(kind), config.answer_days(kind))
        for kind, label in Kind.choices
    ]


# --- The entry page


@require_safe
def complaints_index(request):
    """Channels, a triage towards the right body, what happens next, and how anonymity works.
    It holds no form and nothing personal: the anonymous page cache may keep it."""
    config = ClaimSettings.load()
    platforms = platforms_for_locale(Locale.get_active())
    by_category = {
        category: [p for p in platforms if p.category == category] for category in TRIAGE_CATEGORIES
    }
    context = {
        "deadlines": _deadlines(config),
        "identities": [
            (label, [Identity(value).label for value in config.identities(kind)])
            for kind, label in Kind.choices
        ],
        "platforms": by_category,
        "bribery_line": BRIBERY_LINE,
    }
    return _page(request, "complaints/index.html", context, noindex=False, no_store=False)


# --- Filing a claim, in four steps


class Wizard:
    """The answers of every step travel in the POST data; nothing is kept on the server."""

    def __init__(self, data, files=None):
        self.data = data
        self.files = files
        self.locale = Locale.get_active()
        self.config = ClaimSettings.load()
        self.valid = {}  # step -> validated form

    def form(self, step, *, bound=True):
        cls = STEPS[step - 1]
        kwargs = {}
        if cls is KindForm:
            kwargs["config"] = self.config
        elif cls is FactsForm:
            kwargs["locale"] = self.locale
        elif cls is FinalForm:
            kwargs["identity"] = self.valid[1].cleaned_data["identity"]
        if bound:
            return cls(self.data, self.files, **kwargs)
        initial = {name: self.data[name] for name in cls.base_fields if name in self.data}
        return cls(initial=initial, **kwargs)

    def first_invalid(self, before):
        """The first step before `before` whose carried answers do not validate (the hidden
        inputs were altered, or the authority changed its settings meanwhile), or None."""
        for step in range(1, before):
            form = self.form(step)
            if not form.is_valid():
                return step, form
            self.valid[step] = form
        return None

    def carried(self, current):
        """Hidden inputs for the answers of every other step (files are never carried)."""
        return [
            (name, self.data[name])
            for cls in STEPS
            if cls.step != current and cls is not FinalForm
            for name in cls.base_fields
            if self.data.get(name, "") != ""
        ]

    def review(self):
        """The answers of steps 1-3, labelled, for the last step."""
        kind = self.valid[1].cleaned_data
        facts_form = self.valid[2]
        facts = facts_form.cleaned_data
        story = self.valid[3].cleaned_data
        occurred = facts["occurred_on"]
        when = ""
        if facts.get("when_date"):
            when = occurred.isoformat()
        elif occurred:
            when = f"{occurred:%Y-%m}" if facts.get("when_month") else f"{occurred:%Y}"
        rows = [
            (1, _("What you send"), Kind(kind["kind"]).label),
            (1, _("Identity"), Identity(kind["identity"]).label),
            (2, _("Kind of act"), Offence(facts["offence"]).label),
            (2, _("Sector"), facts_form.sectors.get(facts["sector"], "")),
            (2, _("Region"), Region(facts["region"]).label if facts["region"] else ""),
            (2, _("Institution concerned"), facts_form.institutions.get(facts["institution"], "")),
            (2, _("Other body concerned"), facts["other_body"]),
            (2, _("When"), when),
            (3, _("What happened"), story["facts"]),
            (3, _("Where"), story["place"]),
            (3, _("People involved"), story["people"]),
            (3, _("Amount (dirhams)"), "" if story["amount"] is None else str(story["amount"])),
        ]
        return [(step, label, value or "—") for step, label, value in rows]


def _step_page(request, wizard, step, form, *, status=200, problem=""):
    context = {
        "step": step,
        "last_step": LAST_STEP,
        "steps": [(cls.step, cls.title) for cls in STEPS],
        "form": form,
        "title": STEPS[step - 1].title,
        "carried": wizard.carried(step),
        "problem": problem,
    }
    if step == 1:
        context["kind_choices"] = list(zip(form["kind"], form.offered(), strict=True))
        context["identity_choices"] = [
            (radio, IDENTITY_HELP[radio.data["value"]]) for radio in form["identity"]
        ]
    if step == LAST_STEP:
        context["identity"] = wizard.valid[1].cleaned_data["identity"]
        context["review"] = wizard.review()
        context["challenge"] = antiabuse.challenge_issue()
        context["honeypot"] = antiabuse.HONEYPOT_FIELD
    return _page(request, "complaints/new.html", context, status=status)


def _step_number(value, default):
    return int(value) if value in {str(n) for n in range(1, LAST_STEP + 1)} else default


@csrf_exempt
@require_http_methods(["GET", "POST"])
def complaints_new(request):
    # Evidence stays in memory (never a temporary file) and oversize files stop being read.
    # The upload handlers must be set before the CSRF check reads the body (Django's docs:
    # "Modifying upload handlers on the fly").
    request.upload_handlers = [attachments.LimitedMemoryUploadHandler(request)]
    return _complaints_new(request)


@csrf_protect
def _complaints_new(request):
    if request.method != "POST":
        wizard = Wizard({})
        return _step_page(request, wizard, 1, wizard.form(1, bound=False))
    wizard = Wizard(request.POST, request.FILES)
    step = _step_number(request.POST.get("step"), 1)
    invalid = wizard.first_invalid(step)
    if invalid is not None:
        return _step_page(request, wizard, *invalid, status=400)
    target = _step_number(request.POST.get("goto"), 0)
    if request.POST.get("action") == "back":
        target = max(step - 1, 1)
    if 0 < target < step:
        return _step_page(request, wizard, target, wizard.form(target, bound=False))
    if step == LAST_STEP:
        return _file(request, wizard)
    form = wizard.form(step)
    if not form.is_valid():
        return _step_page(request, wizard, step, form)
    wizard.valid[step] = form
    return _step_page(request, wizard, step + 1, wizard.form(step + 1, bound=False))


def _file(request, wizard):
    """The last step. The cheap checks (the CSRF token, checked already, the honeypot, the
    single-use challenge and the rate limit) come before anything costly: cleaning the evidence
    files, the receipt's Argon2id, encryption. A sending that fails one is answered with the
    answers it carried, never validated (that would clean its files)."""
    data = request.POST
    if data.get(antiabuse.HONEYPOT_FIELD):
        return _page(request, "complaints/refused.html", {}, status=400)
    challenge = data.get("pow_challenge", "")
    solved = antiabuse.pow_solved(challenge, data.get("pow_solution", ""))
    if not antiabuse.challenge_consume(challenge):
        problem = _(
            "This form was already sent, or it is too old. If you already sent it, your report "
            "was filed and its receipt was shown once: it cannot be shown again. Otherwise, "
            "choose your files again and send the form."
        )
        unchecked = wizard.form(LAST_STEP, bound=False)
        return _step_page(request, wizard, LAST_STEP, unchecked, status=400, problem=problem)
    limit = FILE_LIMIT_POW if solved else FILE_LIMIT
    if not antiabuse.hit(request, "file", limit=limit, window=DAY):
        return _too_many(request, "file", DAY)
    final = wizard.form(LAST_STEP)
    if not final.is_valid():  # cleans the evidence files
        return _step_page(request, wizard, LAST_STEP, final)
    kind = wizard.valid[1].cleaned_data
    facts = wizard.valid[2].cleaned_data
    story = wizard.valid[3].cleaned_data
    content = {
        "facts": story["facts"],
        "place": story["place"],
        "people": story["people"],
        "other_body": facts["other_body"],
    }
    if story["amount"] is not None:
        content["amount"] = f"{story['amount']} MAD"
    try:
        with antiabuse.derivation_slot():
            claim, receipt = services.claim_file(
                kind=kind["kind"],
                offence=facts["offence"],
                identity=kind["identity"],
                language=get_language(),
                content={key: value for key, value in content.items() if value},
                contact=final.contact(),
                files=final.cleaned_data["files"],
                sector=facts["sector"],
                region=facts["region"],
                institution_concerned=facts["institution"],
                occurred_on=facts["occurred_on"],
                has_amount=story["amount"] is not None,
            )
    except ValidationError as error:
        problem = " ".join(error.messages)
        return _step_page(request, wizard, LAST_STEP, final, status=400, problem=problem)
    except antiabuse.Busy:
        problem = _(
            "The portal is very busy and your report was not sent. Please choose your files "
            "again and send the form in a minute."
        )
        response = _step_page(request, wizard, LAST_STEP, final, status=503, problem=problem)
        return _retry_after(response, BUSY_RETRY)
    context = {
        "claim": claim,
        "receipt": receipt_format(receipt),
        "proof_token": _proof_token(claim),
        "anonymous": claim.identity == Identity.ANONYMOUS,
    }
    return _page(request, "complaints/receipt.html", context)


# --- Proof of filing


def _proof_token(claim):
    return crypto.token_create(
        {"reference": claim.reference, "filed": proof.filed_text(claim.filed_at)},
        purpose="proof",
        lifetime=PROOF_TOKEN_SECONDS,
    )


@require_POST
def complaints_proof(request):
    """The proof of filing (PDF) for a token of the receipt or follow page: the reference and
    the filing time only, never the receipt."""
    payload = crypto.token_read(request.POST.get("token", ""), purpose="proof")
    filed = proof.filed_parse(payload.get("filed", "")) if payload else None
    if filed is None or not payload.get("reference"):
        return _page(request, "complaints/proof_expired.html", {}, status=400)
    reference = payload["reference"]
    pdf = proof.proof_pdf(
        reference=reference,
        filed_at=datetime.datetime.fromisoformat(filed.replace("Z", "+00:00")),
        language=get_language(),
        verify_url=request.build_absolute_uri(reverse("complaints_verify")),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="proof-{reference}.pdf"'
    return _private(response)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def complaints_verify(request):
    # Every check is counted before the body (maybe an uploaded proof) is read, so also before
    # the CSRF check, which reads it.
    if request.method == "POST" and not antiabuse.hit(
        request, "verify", limit=VERIFY_LIMIT, window=VERIFY_WINDOW
    ):
        return _too_many(request, "verify", VERIFY_WINDOW)
    request.upload_handlers = [
        attachments.LimitedMemoryUploadHandler(
            request, max_files=1, max_file_bytes=proof.MAX_PROOF_BYTES, max_fields=64 * 1024
        )
    ]
    return _complaints_verify(request)


@csrf_protect
def _complaints_verify(request):
    """Checks a proof of filing: typed in, or read from the uploaded PDF."""
    context = {"verify_key": crypto.verify_key_b64(), "result": None}
    if request.method != "POST":
        context["form"] = VerifyForm()
        return _page(request, "complaints/verify.html", context)
    form = VerifyForm(request.POST, request.FILES)
    context["form"] = form
    if form.is_valid():
        values = (
            form.cleaned_data["reference"],
            form.cleaned_data["filed"],
            form.cleaned_data["signature"],
        )
        upload = form.cleaned_data["proof"]
        if upload is not None:
            values = proof.proof_read(upload.read()) or ("", "", "")
        reference, filed, signed = values
        context["result"] = proof.verify(reference, filed, signed)
        context["checked"] = {
            "reference": reference.strip().upper(),
            "filed": proof.filed_parse(filed),
        }
    return _page(request, "complaints/verify.html", context)


# --- Following a claim with its receipt


@csrf_exempt
@require_http_methods(["GET", "POST"])
def complaints_follow(request):
    request.upload_handlers = [attachments.LimitedMemoryUploadHandler(request)]
    return _complaints_follow(request)


@csrf_protect
def _complaints_follow(request):
    """The receipt is only ever POSTed (never in an address). A wrong or malformed receipt gets
    the same page. Every receipt tried is counted before its Argon2id derivation starts, so that
    guesses sent in parallel are counted too: past FOLLOW_LIMIT of them a client is answered 429
    without any derivation."""
    if request.method != "POST":
        return _receipt_page(request)
    if "token" in request.POST:
        return _follow_reply(request)
    if not antiabuse.hit(request, "follow", limit=FOLLOW_LIMIT, window=FOLLOW_WINDOW):
        return _too_many(request, "follow", FOLLOW_WINDOW)
    try:
        with antiabuse.derivation_slot():
            found = access.claim_for_receipt(request.POST.get("receipt", ""))
    except antiabuse.Busy:
        notice = _(
            "The portal is very busy and your receipt was not checked. Please try again in a "
            "minute."
        )
        return _retry_after(_receipt_page(request, notice=notice, status=503), BUSY_RETRY)
    if found is None:
        return _receipt_page(
            request,
            error=_(
                "No claim matches this receipt. Check the 16 digits and try again. After "
                "several wrong attempts you will have to wait before trying again."
            ),
        )
    return _claim_page(request, *found)


def _receipt_page(request, *, error="", notice="", status=200):
    form = FollowForm()
    if error:
        form.fields["receipt"].widget.attrs.update(
            {"aria-invalid": "true", "aria-describedby": "id_receipt_help id_receipt_error"}
        )
    else:
        form.fields["receipt"].widget.attrs["aria-describedby"] = "id_receipt_help"
    context = {"form": form, "error": error, "notice": notice}
    return _page(request, "complaints/follow.html", context, status=status)


def _follow_reply(request):
    found = services.claim_for_follow_token(request.POST.get("token", ""))
    if found is None:
        notice = _(
            "For your safety, this page stopped working after a while. Enter your receipt again "
            "to continue."
        )
        return _receipt_page(request, notice=notice)
    claim, key = found
    # The token and the rate limit before the form: validating it cleans the evidence files.
    if not antiabuse.hit(request, "reply", limit=REPLY_LIMIT, window=DAY):
        return _too_many(request, "reply", DAY)
    form = ReplyForm(request.POST, request.FILES)
    if not form.is_valid():
        return _claim_page(request, claim, key, reply_form=form)
    try:
        services.reporter_message_add(
            claim=claim, key=key, body=form.cleaned_data["body"], files=form.cleaned_data["files"]
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _claim_page(request, claim, key, reply_form=form)
    return _claim_page(request, claim, key, notice=_("Your message was sent."))


def _institution_names(workspace_ids):
    """`{workspace id: institution name}` in the active language (falling back to Arabic)."""
    if not workspace_ids:
        return {}
    keys = dict(
        InstitutionWorkspace.objects.filter(pk__in=workspace_ids).values_list(
            "translation_key", "pk"
        )
    )
    active = Locale.get_active()
    names = {}
    for key, title, locale_id in InstitutionPage.objects.filter(
        translation_key__in=keys
    ).values_list("translation_key", "title", "locale_id"):
        if locale_id == active.pk or keys[key] not in names:
            names[keys[key]] = title
    return names


def _claim_page(request, claim, key, *, reply_form=None, notice=""):
    view = access.reporter_view(claim, key)
    timeline = list(claim.timeline.all())
    names = _institution_names({c.institution_id for c in timeline if c.institution_id})
    steps = [
        {
            "label": Status(change.status).label,
            "at": change.at,
            "institution": names.get(change.institution_id, ""),
        }
        for change in timeline
    ]
    context = {
        "claim": claim,
        "kind": Kind(claim.kind).label,
        "offence": Offence(claim.offence).label,
        "status": Status(claim.status).label,
        "timeline": steps,
        "messages_list": [(message, text) for message, text in view.messages],
        "files": [
            meta.get("name", "")
            for attachment, meta in view.attachments
            if attachment.from_reporter
        ],
        "token": services.follow_token(claim, key),
        "proof_token": _proof_token(claim),
        "reply_form": reply_form or ReplyForm(),
        "notice": notice,
        "max_files": settings.CLAIMS_MAX_FILES,
        "allowed": attachments.ALLOWED_LABEL,
    }
    return _page(request, "complaints/follow_claim.html", context)
