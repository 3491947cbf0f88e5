from django.urls import path

from . import views

urlpatterns = [
    path("", views.complaints_index, name="complaints_index"),
    path("new/", views.complaints_new, name="complaints_new"),
    path("follow/", views.complaints_follow, name="complaints_follow"),
    path("proof/", views.complaints_proof, name="complaints_proof"),
    path("verify/", views.complaints_verify, name="complaints_verify"),
]
