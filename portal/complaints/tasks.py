"""Background work on claims. Notifications say that something happened and where to look, and
never what a claim says: e-mail is not end-to-end encrypted."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from .access import authorised_handlers
from .jobs import mail_handlers, workspace_link
from .models import Claim

EVENTS = {
    "filed": gettext_noop("A new claim was filed."),
    "reporter": gettext_noop("A reporter answered or added evidence."),
    "referred": gettext_noop("A claim was referred to your institution."),
    "outcome": gettext_noop("A referred claim was closed by the institution it was referred to."),
    "disclosure": gettext_noop("A handler asks for a confidential reporter's identity."),
}


@task()
def notify_handlers(*, claim_id, event):
    """E-mails the handlers who may open the claim that something happened: no reference, no
    category, no content; just where to look. Each in their admin language."""
    claim = Claim.objects.filter(pk=claim_id).first()
    if claim is None:
        return 0
    handlers = authorised_handlers(claim).filter(user__is_active=True).exclude(user__email="")
    if event == "disclosure":
        handlers = handlers.filter(is_custodian=True)

    def compose():
        body = "\n\n".join(
            [_(EVENTS[event]), _("Sign in to the claims workspace: %s") % workspace_link()]
        )
        return _("Claims: something needs your attention"), body

    return mail_handlers(
        [(handler, compose) for handler in handlers.select_related("user__wagtail_userprofile")]
    )
