from django.urls import path

from . import pack_views, views

app_name = "importing"

urlpatterns = [
    path("<slug:council_slug>/import/", views.upload, name="upload"),
    path("<slug:council_slug>/import/<int:pk>/", views.check, name="check"),
    # An officer's update pack: download it, fill it in offline, upload it, check it, record it.
    path("<slug:council_slug>/update-pack.xlsx", pack_views.download, {"kind": "xlsx"}, name="pack-xlsx"),
    path("<slug:council_slug>/update-pack.docx", pack_views.download, {"kind": "docx"}, name="pack-docx"),
    path("<slug:council_slug>/update-pack/", pack_views.upload, name="pack-upload"),
    path("<slug:council_slug>/update-pack/<int:pk>/", pack_views.check, name="pack-check"),
]
