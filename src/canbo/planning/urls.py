from django.urls import path

from . import views

app_name = "planning"
urlpatterns = [
    path("", views.TermListView.as_view(), name="term_list"),
    path("terms/add/", views.TermEditView.as_view(), name="term_add"),
    path("terms/<id:pk>/", views.TermView.as_view(), name="term"),
    path("terms/<id:pk>/edit/", views.TermEditView.as_view(), name="term_edit"),
    path("terms/<id:pk>/coverage/", views.CoverageView.as_view(), name="coverage"),
    path("terms/<id:pk>/forecast/", views.ForecastView.as_view(), name="forecast"),
    path("terms/<id:pk>/export/", views.TermExportView.as_view(), name="term_export"),
    path("terms/<id:pk>/review/", views.ReviewView.as_view(), name="review"),
    path("entries/", views.EntryListView.as_view(), name="entry_list"),
    path("entries/add/", views.EntryAddView.as_view(), name="entry_add"),
    path("entries/<id:pk>/", views.EntryView.as_view(), name="entry"),
    path("entries/<id:pk>/review/", views.EntryReviewView.as_view(), name="entry_review"),
    path("courses/", views.CourseListView.as_view(), name="course_list"),
    path("courses/add/", views.CourseEditView.as_view(), name="course_add"),
    path("courses/<id:pk>/", views.CourseView.as_view(), name="course"),
    path("courses/<id:pk>/edit/", views.CourseEditView.as_view(), name="course_edit"),
    path("enrolments/", views.EnrolmentListView.as_view(), name="enrolment_list"),
    path("enrolments/add/", views.EnrolmentAddView.as_view(), name="enrolment_add"),
    path("enrolments/<id:pk>/", views.EnrolmentView.as_view(), name="enrolment"),
    path(
        "enrolments/<id:pk>/complete/",
        views.EnrolmentActionView.as_view(),
        {"step": "complete"},
        name="enrolment_complete",
    ),
    path(
        "enrolments/<id:pk>/withdraw/",
        views.EnrolmentActionView.as_view(),
        {"step": "withdraw"},
        name="enrolment_withdraw",
    ),
    path("training/cadres/<id:pk>/", views.CadreTrainingView.as_view(), name="cadre_training"),
    path("training/bodies/<id:pk>/", views.BodyTrainingView.as_view(), name="body_training"),
    path("training/bodies/<id:pk>/export/", views.BodyTrainingExportView.as_view(), name="training_export"),
]
