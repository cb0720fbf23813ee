from django.urls import URLPattern, path  # noqa: F401

app_name = "registry"

urlpatterns: list[URLPattern] = [
    # --- public directory and back office (views) ---
    # --- import/export (views_transfer) ---
    # --- embeddable widget (views_widget) ---
    # --- representatives' self-service (views_self_service) ---
]
