"""The handlers' workspace in the Wagtail admin (so every page is behind the two-factor check).
Reads of claim content go through `access`, writes through `services`; a view checks who asks
before anything else, and answers 404 for a claim the handler may not see."""

import datetime
import functools
import json
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail.models import Locale

from portal.core.models import TermKind, term_names
from portal.institutions.models import InstitutionPage, InstitutionWorkspace
from portal.institutions.selectors import institution_labels

from . import access, admin_forms, attachments, keyring, services
from .choices import CLOSED, Channel, Identity, Kind, Offence, Region, Status
from .models import (
    Attachment,
    AuditEntry,
    ClaimSettings,
    DisclosureRequest,
    Handler,
    KeySeal,
    ResponseTemplate,
)
from .receipts import receipt_format

PER_PAGE = 25
AUDIT_PER_PAGE = 50
CLAIM_AUDIT_ROWS = 200
UNLOCK_LIMIT = 5
UNLOCK_WINDOW = 15 * 60

CONTENT_LABELS = {
    "facts": gettext_lazy("What happened"),
    "place": gettext_lazy("Where it happened"),
    "people": gettext_lazy("People involved"),
    "other_body": gettext_lazy("Other body concerned"),
    "amount": gettext_lazy("Amount involved"),
}
CONTACT_LABELS = {
    "name": gettext_lazy("Name"),
    "email": gettext_lazy("E-mail address"),
    "phone": gettext_lazy("Telephone"),
    "national_id": gettext_lazy("National identity card number"),
}


# --- Who asks


def _handler(request):
    handler = access.handler_of(request.user)
    if handler is None:
        raise PermissionDenied
    return handler


def refusing(view):
    """Answers 403 with an explanation (rather than the admin's redirect to its home page)
    when the view refuses the user, and the same when what was asked for does not exist: a
    claim of another institution and a made-up reference look alike (a 404 would also be
    redirected to a language-prefixed address by the locale middleware)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except (PermissionDenied, access.AccessDenied, Http404):
            return TemplateResponse(request, "complaints/admin/forbidden.html", {}, status=403)

    return wrapper


def handler_view(view):
    """For active handlers (two-factor verified) only; passes the handler."""

    @refusing
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        return view(request, _handler(request), *args, **kwargs)

    return wrapper


def key_view(view):
    """For handlers whose key is unlocked in this browser session; passes the handler and the
    private key, or sends them to the unlock page and back."""

    @refusing
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        handler = _handler(request)
        private_key = keyring.keyring_load(request)
        if private_key is None:
            # After unlocking, a page comes back as it was; an action, to its claim's page.
            if request.method == "GET":
                back = request.get_full_path()
            else:
                back = reverse("claims_claim", args=[kwargs["reference"]])
            return redirect(f"{reverse('claims_unlock')}?{urlencode({'next': back})}")
        return view(request, handler, private_key, *args, **kwargs)

    return wrapper


def _visible_claim(handler, reference):
    """A claim the handler may list; another institution's claims do not exist here."""
    return get_object_or_404(
        access.claims_visible_to(handler).select_related("assigned_to__user", "referred_to"),
        reference=reference,
    )


def _is_authority(handler):
    return access.is_authority(handler.institution)


# --- Names


def _workspace_names(workspace_ids=None):
    """`{workspace id: institution name}` in the active language, falling back to any."""
    workspaces = InstitutionWorkspace.objects.all()
    if workspace_ids is not None:
        workspaces = workspaces.filter(pk__in=workspace_ids)
    keys = dict(workspaces.values_list("translation_key", "pk"))
    if not keys:
        return {}
    active = Locale.get_active()
    names = {}
    for key, title, locale_id in InstitutionPage.objects.filter(
        translation_key__in=keys
    ).values_list("translation_key", "title", "locale_id"):
        if locale_id == active.pk or keys[key] not in names:
            names[keys[key]] = title
    return names


def _institution_slugs(locale):
    """`{slug: "name (acronym)"}` of the institutions a claim may concern."""
    return {
        slug: f"{name} ({acronym})" if acronym else name
        for slug, (acronym, name) in institution_labels(locale).items()
    }


def _handler_name(handler):
    if handler is None:
        return ""
    return handler.user.get_full_name() or handler.user.get_username()


# --- Unlocking the key


def _unlock_key(user):
    return f"claims:unlock-failures:{user.pk}"


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/admin/claims/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("claims_workspace")


@require_http_methods(["GET", "POST"])
@handler_view
def unlock(request, handler):
    form = admin_forms.UnlockForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if cache.get(_unlock_key(request.user), 0) >= UNLOCK_LIMIT:
            form.is_valid()
            form.add_error(None, _("Too many wrong passwords. Wait 15 minutes, then try again."))
            status = 429
        elif form.is_valid():
            private_key = services.handler_key_unlock(
                handler=handler, password=form.cleaned_data["password"]
            )
            if private_key is not None:
                response = redirect(_safe_next(request))
                keyring.keyring_store(request, response, private_key)
                messages.success(request, _("Your claim key is unlocked for this session."))
                return response
            if not cache.add(_unlock_key(request.user), 1, UNLOCK_WINDOW):
                cache.incr(_unlock_key(request.user))
            if handler.user.check_password(form.cleaned_data["password"]):
                # The account password was changed outside the workspace (a reset by e-mail):
                # the key is still wrapped under the old one.
                message = _(
                    "Your password is right, but your claim key is still locked with an earlier "
                    "password. Ask an administrator for a key recovery."
                )
            else:
                message = _("This password does not open your claim key.")
            form.add_error("password", message)
            status = 400
        else:
            status = 400
    context = {
        "form": form,
        "next": _safe_next(request),
        "unlocked": keyring.keyring_load(request) is not None,
        "first_time": not handler.has_key,
    }
    return TemplateResponse(request, "complaints/admin/unlock.html", context, status=status)


@require_POST
@handler_view
def lock(request, handler):
    response = redirect("claims_workspace")
    keyring.keyring_clear(request, response)
    messages.success(request, _("Your claim key is locked."))
    return response


# --- The list


def _deadline_filters(now, soon):
    not_closed = ~Q(status__in=CLOSED)
    overdue = Q(acknowledged_at__isnull=True, acknowledge_by__lt=now) | Q(
        not_closed, answered_at__isnull=True, answer_by__lt=now
    )
    due_soon = Q(acknowledged_at__isnull=True, acknowledge_by__lte=soon) | Q(
        not_closed, answered_at__isnull=True, answer_by__lte=soon
    )
    return overdue, due_soon


def _filter(claims, filters, *, handler, now, soon):
    for name in ("status", "kind", "offence", "sector", "region"):
        if name in filters:
            claims = claims.filter(**{name: filters[name]})
    if "institution" in filters:
        claims = claims.filter(institution_concerned=filters["institution"])
    overdue, due_soon = _deadline_filters(now, soon)
    if filters.get("deadline") == "overdue":
        claims = claims.filter(overdue)
    elif filters.get("deadline") == "due_soon":
        claims = claims.filter(due_soon).exclude(overdue)
    if filters.get("mine"):
        claims = claims.filter(assigned_to=handler)
    if filters.get("referred"):
        claims = claims.filter(referred_to__isnull=False)
    return claims


def _deadline(claim, now, soon):
    """The deadline that is running, if any: `{label, due, overdue, soon}`."""
    if claim.is_closed or claim.is_purged:
        return None
    if claim.acknowledged_at is None:
        label, due = _("Acknowledge by"), claim.acknowledge_by
    elif claim.answered_at is None:
        label, due = _("Feedback by"), claim.answer_by
    else:
        return None
    return {"label": label, "due": due, "overdue": due < now, "soon": now <= due <= soon}


@require_safe
@handler_view
def workspace(request, handler):
    locale = Locale.get_active()
    sectors = term_names(TermKind.SECTOR, locale)
    institutions = _institution_slugs(locale)
    form = admin_forms.ClaimFilterForm(request.GET, sectors=sectors, institutions=institutions)
    filters = form.filters()
    now = timezone.now()
    soon = now + datetime.timedelta(days=ClaimSettings.load().due_soon_days)
    visible = access.claims_visible_to(handler)
    claims = _filter(visible, filters, handler=handler, now=now, soon=soon)
    counts = dict(visible.order_by().values_list("status").annotate(n=Count("pk")))
    page = Paginator(claims.select_related("assigned_to__user"), PER_PAGE).get_page(
        request.GET.get("p")
    )
    labels = {
        "kind": dict(Kind.choices),
        "offence": dict(Offence.choices),
        "region": dict(Region.choices),
        "status": dict(Status.choices),
    }
    rows = [
        {
            "claim": claim,
            "kind": labels["kind"].get(claim.kind, claim.kind),
            "offence": labels["offence"].get(claim.offence, claim.offence),
            "region": labels["region"].get(claim.region, ""),
            "status": labels["status"].get(claim.status, claim.status),
            "deadline": _deadline(claim, now, soon),
            "assigned": _handler_name(claim.assigned_to),
        }
        for claim in page
    ]
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "filtered": bool(filters),
        "counters": [
            {"value": value, "label": label, "count": counts.get(value, 0)}
            for value, label in Status.choices
        ],
        "total": sum(counts.values()),
        "is_authority": _is_authority(handler),
        "unlocked": keyring.keyring_load(request) is not None,
    }
    return TemplateResponse(request, "complaints/admin/workspace.html", context)


# --- One claim


def _response_templates(claim):
    """The response templates in the claim's language, and in the default language for those
    not translated into it."""
    default = Locale.get_default()
    chosen = {}
    for template in ResponseTemplate.objects.filter(
        Q(locale__language_code=claim.language) | Q(locale=default)
    ).select_related("locale"):
        if template.locale.language_code == claim.language or (
            template.translation_key not in chosen
        ):
            chosen[template.translation_key] = template
    return sorted(chosen.values(), key=lambda t: t.title)


def _referral_targets(handler, claim):
    """`{workspace id: name}`: partner institutions with at least one active handler with a
    key, other than the handler's own and the one the claim is referred to already."""
    ids = set(
        Handler.objects.filter(is_active=True, public_key__isnull=False).values_list(
            "institution_id", flat=True
        )
    ) - {handler.institution_id, claim.referred_to_id}
    ids.discard(access.authority_id())
    return _workspace_names(ids)


def _assignable(claim):
    return access.authorised_handlers(claim).select_related("user").order_by("user__username")


def _can_refer(handler, claim):
    return _is_authority(handler) and not claim.is_closed and not claim.is_purged


def _answers(content):
    """`[(label, text)]`: the known answers in the form's order, then any other key as is."""
    known = [(CONTENT_LABELS[key], content[key]) for key in CONTENT_LABELS if key in content]
    other = [(key, value) for key, value in content.items() if key not in CONTENT_LABELS]
    return known + other


def _contact(contact):
    if not contact:
        return []
    return [(CONTACT_LABELS.get(key, key), value) for key, value in contact.items()]


def _forms(request, handler, claim, bound):
    templates = _response_templates(claim)
    initial = {}
    chosen = request.GET.get("template", "")
    for template in templates:
        if chosen == str(template.pk):
            initial["body"] = template.body
    forms = {
        "message": admin_forms.message_form(initial=initial),
        "note": admin_forms.note_form(),
        "status": admin_forms.StatusForm(claim=claim),
        "assign": admin_forms.AssignForm(
            handlers=_assignable(claim), initial={"assignee": claim.assigned_to_id}
        ),
        "disclosure": admin_forms.DisclosureForm(),
    }
    if _can_refer(handler, claim):
        forms["refer"] = admin_forms.ReferForm(institutions=_referral_targets(handler, claim))
    forms.update(bound or {})
    return forms, templates


def _claim_context(handler, claim, opened):
    timeline = list(claim.timeline.select_related("by__user"))
    names = _workspace_names(
        {c.institution_id for c in timeline if c.institution_id} | {claim.referred_to_id}
    )
    contact_seal = KeySeal.objects.filter(
        claim=claim, handler=handler, purpose=KeySeal.Purpose.CONTACT
    ).exists()
    disclosures = [disclosure for disclosure, _motivation in opened.disclosures]
    pending = [
        {
            "request": disclosure,
            "motivation": motivation,
            "requester": _handler_name(disclosure.requested_by),
        }
        for disclosure, motivation in opened.disclosures
        if disclosure.decided_at is None
        and handler.is_custodian
        and disclosure.requested_by_id != handler.pk
    ]
    mine_pending = any(
        d.requested_by_id == handler.pk and d.decided_at is None for d in disclosures
    )
    return {
        "answers": _answers(opened.content),
        "contact": _contact(opened.contact),
        "attachments": [
            {
                "attachment": attachment,
                "name": meta.get("name", ""),
                "size": meta.get("size", attachment.size),
                "removed": meta.get("removed", []),
            }
            for attachment, meta in opened.attachments
        ],
        "thread": [
            {"message": message, "text": text, "author": _handler_name(message.author)}
            for message, text in opened.messages
        ],
        "notes": [
            {"note": note, "text": text, "author": _handler_name(note.author)}
            for note, text in opened.notes
        ],
        "timeline": [
            {
                "label": Status(change.status).label,
                "at": change.at,
                "institution": names.get(change.institution_id, ""),
                "by": _handler_name(change.by),
            }
            for change in timeline
        ],
        "referred_name": names.get(claim.referred_to_id, ""),
        "identity_sealed": claim.identity == Identity.CONFIDENTIAL,
        "can_see_identity": claim.identity == Identity.CONFIDENTIAL and contact_seal,
        "can_request_identity": (
            claim.identity == Identity.CONFIDENTIAL and not contact_seal and not mine_pending
        ),
        "mine_pending": mine_pending,
        "pending_disclosures": pending,
        "disclosures": disclosures,
    }


def _metadata(claim, locale):
    sectors = term_names(TermKind.SECTOR, locale) if claim.sector else {}
    institutions = _institution_slugs(locale) if claim.institution_concerned else {}
    return [
        (_("Reference"), claim.reference),
        (_("Kind"), Kind(claim.kind).label),
        (_("Offence"), Offence(claim.offence).label),
        (_("Sector"), sectors.get(claim.sector, claim.sector)),
        (_("Region"), dict(Region.choices).get(claim.region, "")),
        (
            _("Institution concerned"),
            institutions.get(claim.institution_concerned, claim.institution_concerned),
        ),
        (_("When it happened"), claim.occurred_on),
        (_("Identity"), Identity(claim.identity).label),
        (_("Received by"), Channel(claim.channel).label),
        (_("Language"), dict(settings.LANGUAGES).get(claim.language, claim.language)),
        (_("An amount is involved"), _("yes") if claim.has_amount else _("no")),
    ]


def _claim_page(request, handler, private_key, claim, *, bound=None, status=200):
    locale = Locale.get_active()
    now = timezone.now()
    soon = now + datetime.timedelta(days=ClaimSettings.load().due_soon_days)
    context = {
        "claim": claim,
        "status_label": Status(claim.status).label,
        "metadata": _metadata(claim, locale),
        "deadline": _deadline(claim, now, soon),
        "assigned": _handler_name(claim.assigned_to),
        # Evaluated when the page renders, so it includes this opening.
        "audit": AuditEntry.objects.filter(claim_reference=claim.reference)[:CLAIM_AUDIT_ROWS],
        "opened": False,
    }
    if claim.is_purged:
        return TemplateResponse(request, "complaints/admin/claim.html", context, status=status)
    try:
        opened = access.claim_open(handler=handler, claim=claim, private_key=private_key)
    except access.AccessDenied:
        context["sealed"] = True
        return TemplateResponse(request, "complaints/admin/claim.html", context, status=403)
    services.seals_complete(claim=claim, key=opened.key)
    forms, templates = _forms(request, handler, claim, bound)
    context.update(_claim_context(handler, claim, opened))
    context.update(
        {
            "opened": True,
            "forms": forms,
            "templates": templates,
        }
    )
    return TemplateResponse(request, "complaints/admin/claim.html", context, status=status)


@require_safe
@key_view
def claim_detail(request, handler, private_key, reference):
    return _claim_page(request, handler, private_key, _visible_claim(handler, reference))


def _back(claim):
    return redirect("claims_claim", reference=claim.reference)


def _action(request, handler, private_key, claim, name, form, run, success):
    """Validates a form, runs the service with its data, and redirects back with a message, or
    shows the claim page again with the errors."""
    if form.is_valid():
        try:
            run(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return _back(claim)
    return _claim_page(request, handler, private_key, claim, bound={name: form}, status=400)


def _openable(handler, reference):
    claim = _visible_claim(handler, reference)
    if not access.can_open(handler, claim):
        raise PermissionDenied
    return claim


@require_POST
@key_view
def claim_message(request, handler, private_key, reference):
    claim = _openable(handler, reference)
    return _action(
        request,
        handler,
        private_key,
        claim,
        "message",
        admin_forms.message_form(request.POST),
        lambda data: services.handler_message_add(
            handler=handler, claim=claim, private_key=private_key, body=data["body"]
        ),
        _("Your message was sent to the reporter."),
    )


@require_POST
@key_view
def claim_note(request, handler, private_key, reference):
    claim = _openable(handler, reference)
    return _action(
        request,
        handler,
        private_key,
        claim,
        "note",
        admin_forms.note_form(request.POST),
        lambda data: services.note_add(
            handler=handler, claim=claim, private_key=private_key, body=data["body"]
        ),
        _("The internal note was added."),
    )


@require_POST
@key_view
def claim_status(request, handler, private_key, reference):
    claim = _openable(handler, reference)
    return _action(
        request,
        handler,
        private_key,
        claim,
        "status",
        admin_forms.StatusForm(request.POST, claim=claim),
        lambda data: services.claim_status_change(
            handler=handler, claim=claim, status=data["status"], private_key=private_key
        ),
        _("The status was changed."),
    )


@require_POST
@key_view
def claim_assign(request, handler, private_key, reference):
    claim = _openable(handler, reference)
    return _action(
        request,
        handler,
        private_key,
        claim,
        "assign",
        admin_forms.AssignForm(request.POST, handlers=_assignable(claim)),
        lambda data: services.claim_assign(handler=handler, claim=claim, assignee=data["assignee"]),
        _("The assignment was changed."),
    )


@require_POST
@key_view
def claim_refer(request, handler, private_key, reference):
    claim = _openable(handler, reference)
    if not _can_refer(handler, claim):
        raise PermissionDenied
    targets = _referral_targets(handler, claim)
    return _action(
        request,
        handler,
        private_key,
        claim,
        "refer",
        admin_forms.ReferForm(request.POST, institutions=targets),
        lambda data: services.claim_refer(
            handler=handler,
            claim=claim,
            private_key=private_key,
            institution=InstitutionWorkspace.objects.get(pk=data["institution"]),
        ),
        _("The claim was referred."),
    )


@require_POST
@key_view
def claim_disclosure(request, handler, private_key, reference):
    claim = _openable(handler, reference)
    return _action(
        request,
        handler,
        private_key,
        claim,
        "disclosure",
        admin_forms.DisclosureForm(request.POST),
        lambda data: services.disclosure_request(
            handler=handler, claim=claim, private_key=private_key, motivation=data["motivation"]
        ),
        _("Your request was sent to the identity custodians."),
    )


@require_POST
@key_view
def claim_disclosure_decide(request, handler, private_key, reference, request_id):
    claim = _openable(handler, reference)
    if not handler.is_custodian:
        raise PermissionDenied
    disclosure = get_object_or_404(DisclosureRequest, pk=request_id, claim=claim)
    decision = request.POST.get("decision")
    if decision not in {"approve", "refuse"}:
        messages.error(request, _("Choose to approve or to refuse the request."))
        return _back(claim)
    try:
        services.disclosure_decide(
            custodian=handler,
            request=disclosure,
            private_key=private_key,
            approve=decision == "approve",
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(claim)
    if decision == "approve":
        messages.success(
            request, _("The request was approved: the requester can see the identity.")
        )
    else:
        messages.success(request, _("The request was refused."))
    return _back(claim)


@require_POST
@key_view
def claim_identity(request, handler, private_key, reference):
    claim = _openable(handler, reference)
    contact = access.identity_open(handler=handler, claim=claim, private_key=private_key)
    context = {"claim": claim, "contact": _contact(contact)}
    return TemplateResponse(request, "complaints/admin/identity.html", context)


@require_POST
@key_view
def claim_export(request, handler, private_key, reference):
    claim = _openable(handler, reference)
    opened = access.claim_open(handler=handler, claim=claim, private_key=private_key, export=True)
    data = {
        "reference": claim.reference,
        "kind": claim.kind,
        "offence": claim.offence,
        "sector": claim.sector,
        "region": claim.region,
        "institution_concerned": claim.institution_concerned,
        "occurred_on": claim.occurred_on.isoformat() if claim.occurred_on else None,
        "identity": claim.identity,
        "channel": claim.channel,
        "language": claim.language,
        "status": claim.status,
        "filed_at": claim.filed_at.isoformat(),
        "acknowledge_by": claim.acknowledge_by.isoformat(),
        "answer_by": claim.answer_by.isoformat(),
        "content": opened.content,
        "contact": opened.contact,
        "timeline": [
            {"status": change.status, "at": change.at.isoformat()}
            for change in claim.timeline.all()
        ],
        "messages": [
            {
                "from_reporter": message.from_reporter,
                "author": _handler_name(message.author),
                "at": message.at.isoformat(),
                "text": text,
            }
            for message, text in opened.messages
        ],
        "notes": [
            {"author": _handler_name(note.author), "at": note.at.isoformat(), "text": text}
            for note, text in opened.notes
        ],
        "attachments": [
            {
                "name": meta.get("name", ""),
                "content_type": meta.get("content_type", ""),
                "removed": [str(item) for item in meta.get("removed", [])],
                "size": attachment.size,
            }
            for attachment, meta in opened.attachments
        ],
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="claim-{claim.reference}.json"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
@key_view
def claim_file_download(request, handler, private_key, reference, attachment_id):
    claim = _openable(handler, reference)
    attachment = get_object_or_404(Attachment, pk=attachment_id, claim=claim)
    meta, data = access.attachment_open(
        handler=handler, attachment=attachment, private_key=private_key
    )
    response = HttpResponse(
        data, content_type=meta.get("content_type") or "application/octet-stream"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=meta.get("name") or "file"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


# --- Registering a claim received by another channel


def _register_form(request, locale):
    languages = [(code, str(name)) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return admin_forms.RegisterForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        sectors=term_names(TermKind.SECTOR, locale),
        institutions=_institution_slugs(locale),
        languages=languages,
        initial={"language": get_language()},
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def register(request):
    # Evidence stays in memory and oversize files stop being read (as on the public form);
    # the upload handlers must be set before the CSRF check reads the body.
    request.upload_handlers = [attachments.LimitedMemoryUploadHandler(request)]
    return _register(request)


@csrf_protect
@handler_view
def _register(request, handler):
    if not _is_authority(handler):
        raise PermissionDenied
    form = _register_form(request, Locale.get_active())
    problem = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            claim, receipt = services.claim_file(
                kind=data["kind"],
                offence=data["offence"],
                identity=data["identity"],
                language=data["language"],
                content=form.content(),
                contact=form.contact(),
                files=data["files"],
                sector=data["sector"],
                region=data["region"],
                institution_concerned=data["institution"],
                occurred_on=data["occurred_on"],
                has_amount=data["amount"] is not None,
                channel=data["channel"],
                registered_by=handler,
            )
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            context = {"claim": claim, "receipt": receipt_format(receipt)}
            response = TemplateResponse(request, "complaints/admin/registered.html", context)
            response["Cache-Control"] = "no-store"
            return response
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "problem": problem}
    return TemplateResponse(request, "complaints/admin/register.html", context, status=status)


# --- The audit log


def _may_read_audit(user):
    return user.is_superuser or user.has_perm("complaints.view_claim_audit")


@require_safe
@refusing
def audit_log(request):
    if not _may_read_audit(request.user):
        raise PermissionDenied
    form = admin_forms.AuditFilterForm(request.GET)
    filters = form.filters()
    entries = AuditEntry.objects.all()
    if "reference" in filters:
        entries = entries.filter(claim_reference=filters["reference"].strip().upper())
    if "action" in filters:
        entries = entries.filter(action=filters["action"])
    page = Paginator(entries, AUDIT_PER_PAGE).get_page(request.GET.get("p"))
    context = {"form": form, "page": page, "filtered": bool(filters)}
    return TemplateResponse(request, "complaints/admin/audit.html", context)


# --- Changing the password (and re-wrapping the key with it)


@require_http_methods(["GET", "POST"])
@handler_view
def password_change(request, handler):
    form = admin_forms.PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.handler_password_change(
                handler=handler,
                old_password=data["old_password"],
                new_password=data["new_password1"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            update_session_auth_hash(request, handler.user)
            messages.success(request, _("Your password was changed, and your claim key with it."))
            return redirect("claims_workspace")
    status = 400 if form.is_bound else 200
    return TemplateResponse(
        request, "complaints/admin/password.html", {"form": form}, status=status
    )
