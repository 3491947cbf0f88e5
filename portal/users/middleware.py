from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

# The sign-in steps themselves, and the admin's icon sprite and script translations, which the
# two-factor pages load and which reveal nothing.
EXEMPT_URL_NAMES = (
    "two_factor_setup",
    "two_factor_verify",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
)


class RequireTwoFactorForAdminMiddleware:
    """A signed-in user who has not passed the TOTP check is signed in for nothing: admin pages
    send them to enrol a device or to enter its code, and everywhere else (pages restricted to
    signed-in users, private documents) they count as an anonymous visitor."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.exempt = None

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_verified():
            if self.exempt is None:
                self.exempt = {reverse(name) for name in EXEMPT_URL_NAMES}
            if request.path in self.exempt:
                pass
            elif request.path.startswith("/admin/"):
                target = "two_factor_verify" if _has_confirmed_device(user) else "two_factor_setup"
                return redirect(f"{reverse(target)}?next={request.path}")
            else:
                request.user = AnonymousUser()
        return self.get_response(request)


def _has_confirmed_device(user):
    from django_otp import user_has_device

    return user_has_device(user, confirmed=True)
