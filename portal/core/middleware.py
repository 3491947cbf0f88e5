"""Security headers for every response.

Public pages get a strict Content-Security-Policy: everything from this origin, nothing inline,
nothing from a third party. The Wagtail admin's editing views still run inline scripts and styles,
so its policy allows `'unsafe-inline'` from this origin only; it is reached by staff after
two-factor sign-in and never loads anything from another host either.
"""

from django.middleware.locale import LocaleMiddleware

PUBLIC_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ]
)
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
)
ADMIN_PREFIX = "/admin/"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path.startswith(ADMIN_PREFIX)
        response.headers.setdefault(
            "Content-Security-Policy", ADMIN_CSP if is_admin else PUBLIC_CSP
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except for the addresses that are not pages and have no
    language prefix (the JSON API, OAI-PMH): their own 404 answers stay as they are instead of
    being redirected to the same address under `/ar/`."""

    UNPREFIXED = ("/api/", "/oai/")

    def process_response(self, request, response):
        if request.path_info.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)
