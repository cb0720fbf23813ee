from django.urls import URLPattern, path  # noqa: F401

from . import views_self_service

app_name = "registry"

urlpatterns: list[URLPattern] = [
    # --- public directory and back office (views) ---
    # --- import/export (views_transfer) ---
    # --- embeddable widget (views_widget) ---
    # --- representatives' self-service (views_self_service) ---
    path(
        "initiativen/<slug:slug>/vertreten/",
        views_self_service.representation_request,
        name="representation_request",
    ),
    path("meine-initiativen/", views_self_service.my_initiatives, name="my_initiatives"),
    path(
        "initiativen/<slug:slug>/aenderung-vorschlagen/",
        views_self_service.change_proposal_create,
        name="change_proposal_create",
    ),
    path(
        "initiativen/<slug:slug>/vorschlaege/<int:pk>/zurueckziehen/",
        views_self_service.change_proposal_withdraw,
        name="change_proposal_withdraw",
    ),
    path(
        "initiativen/<slug:slug>/pruefen/<str:token>/",
        views_self_service.verification_review,
        name="verification_review",
    ),
    path(
        "intern/vertretungen/",
        views_self_service.staff_representation_list,
        name="staff_representation_list",
    ),
    path(
        "intern/vertretungen/<int:pk>/entscheiden/",
        views_self_service.staff_representation_decide,
        name="staff_representation_decide",
    ),
    path(
        "intern/vertretungen/<int:pk>/beenden/",
        views_self_service.staff_representation_revoke,
        name="staff_representation_revoke",
    ),
    path(
        "intern/aenderungsvorschlaege/",
        views_self_service.staff_proposal_list,
        name="staff_proposal_list",
    ),
    path(
        "intern/aenderungsvorschlaege/<int:pk>/",
        views_self_service.staff_proposal_review,
        name="staff_proposal_review",
    ),
    path(
        "intern/pruefungen/",
        views_self_service.staff_verification_list,
        name="staff_verification_list",
    ),
]
