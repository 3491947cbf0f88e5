"""The claims workspace in the admin: its URLs (behind the admin's two-factor check), its menu
items, the claim handlers and response templates, and the account page's password panel, which
handlers must not use (their claim key is wrapped under their password)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import account
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import access, admin_views
from .models import Handler, ResponseTemplate


@hooks.register("register_admin_urls")
def register_claims_urls():
    claim = "claims/<str:reference>/"
    return [
        path("claims/", admin_views.workspace, name="claims_workspace"),
        path("claims/unlock/", admin_views.unlock, name="claims_unlock"),
        path("claims/lock/", admin_views.lock, name="claims_lock"),
        path("claims/register/", admin_views.register, name="claims_register"),
        path("claims/audit/", admin_views.audit_log, name="claims_audit"),
        path("claims/password/", admin_views.password_change, name="claims_password"),
        path(claim, admin_views.claim_detail, name="claims_claim"),
        path(f"{claim}message/", admin_views.claim_message, name="claims_message"),
        path(f"{claim}note/", admin_views.claim_note, name="claims_note"),
        path(f"{claim}status/", admin_views.claim_status, name="claims_status"),
        path(f"{claim}assign/", admin_views.claim_assign, name="claims_assign"),
        path(f"{claim}refer/", admin_views.claim_refer, name="claims_refer"),
        path(f"{claim}disclosure/", admin_views.claim_disclosure, name="claims_disclosure"),
        path(
            f"{claim}disclosure/<int:request_id>/",
            admin_views.claim_disclosure_decide,
            name="claims_disclosure_decide",
        ),
        path(f"{claim}identity/", admin_views.claim_identity, name="claims_identity"),
        path(f"{claim}export/", admin_views.claim_export, name="claims_export"),
        path(
            f"{claim}files/<int:attachment_id>/",
            admin_views.claim_file_download,
            name="claims_file",
        ),
    ]


class HandlerMenuItem(MenuItem):
    def is_shown(self, request):
        return access.handler_of(request.user) is not None


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.is_superuser or user.has_perm("complaints.view_claim_audit")


@hooks.register("register_admin_menu_item")
def register_claims_menu_item():
    return HandlerMenuItem(
        _("Claims"), reverse("claims_workspace"), name="claims", icon_name="mail", order=250
    )


@hooks.register("register_reports_menu_item")
def register_audit_menu_item():
    return AuditMenuItem(
        _("Claims audit log"), reverse("claims_audit"), name="claims-audit", icon_name="list-ul"
    )


@hooks.register("register_account_menu_item")
def register_claims_password_item(request):
    if access.handler_of(request.user) is None:
        return None
    return {
        "url": reverse("claims_password"),
        "label": _("Change your password"),
        "help_text": _(
            "Claim handlers change their password in the claims workspace, which re-wraps "
            "their claim key with it."
        ),
    }


class HandlerAwareChangePasswordPanel(account.ChangePasswordPanel):
    """Wagtail's password panel, hidden from claim handlers: a password changed there would
    leave their claim key wrapped under the old one. Wagtail has no hook that removes a built-in
    account panel, so the account view's module-level name is pointed at this subclass."""

    def is_active(self):
        return (
            super().is_active()
            and not Handler.objects.filter(user=self.user, is_active=True).exists()
        )


account.ChangePasswordPanel = HandlerAwareChangePasswordPanel


class HandlerViewSet(ModelViewSet):
    """Claim handlers, for superusers (the model's own permissions). Key fields are not
    editable and never shown."""

    model = Handler
    icon = "user"
    menu_label = _("Claim handlers")
    add_to_settings_menu = True
    copy_view_enabled = False
    form_fields = ["user", "institution", "is_custodian", "is_active"]
    list_display = ["user", "institution", "is_custodian", "is_active"]
    list_filter = ["is_custodian", "is_active"]


@hooks.register("register_admin_viewset")
def register_handler_viewset():
    return HandlerViewSet("claim_handlers")


class ResponseTemplateViewSet(SnippetViewSet):
    model = ResponseTemplate
    icon = "mail"
    list_display = ["title", "status"]


register_snippet(ResponseTemplateViewSet)
