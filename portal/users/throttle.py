from django.conf import settings


def client_ip(request):
    """The visitor's address for sign-in throttling (django-axes). Behind TRUSTED_PROXY_COUNT
    reverse proxies it is the address the outermost trusted proxy saw, read from the right of
    X-Forwarded-For, so a client cannot choose it by sending its own header."""
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR", "")
