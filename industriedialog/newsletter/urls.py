from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("newsletter/", views.subscribe, name="subscribe"),
    path("newsletter/bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("newsletter/abmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("newsletter/archiv/", views.archive, name="archive"),
    path("newsletter/archiv/<int:pk>/", views.archive_issue, name="archive_issue"),
]
