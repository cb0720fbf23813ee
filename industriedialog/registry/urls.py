from django.urls import URLPattern, path  # noqa: F401

from . import views_widget

app_name = "registry"

urlpatterns: list[URLPattern] = [
    # --- public directory and back office (views) ---
    # --- import/export (views_transfer) ---
    # --- embeddable widget (views_widget) ---
    path("initiativen/einbetten/", views_widget.widget_builder, name="widget_builder"),
    path("initiativen/widget/", views_widget.widget, name="widget"),
    # --- representatives' self-service (views_self_service) ---
]
