/** Old AMY addresses that bookmarks and e-mails still use, with where they live now. */
export const LEGACY_REDIRECTS: readonly { from: string; to: string; permanent?: boolean }[] = [
  { from: "/workshops/", to: "/dashboard/" },
  { from: "/workshops/admin-dashboard/", to: "/dashboard/admin/" },
  { from: "/workshops/trainee-dashboard/", to: "/dashboard/instructor/" },
  { from: "/workshops/trainee-dashboard/training_progress/", to: "/dashboard/instructor/training_progress/" },
  { from: "/workshops/autoupdate_profile/", to: "/dashboard/instructor/autoupdate_profile/" },
  { from: "/workshops/training_requests/", to: "/requests/training_requests/" },
  { from: "/workshops/training_requests/merge", to: "/requests/training_requests/merge" },
  {
    from: "/workshops/bulk_upload_training_request_scores",
    to: "/requests/bulk_upload_training_request_scores/",
  },
  {
    from: "/workshops/bulk_upload_training_request_scores/confirm",
    to: "/requests/bulk_upload_training_request_scores/confirm/",
  },
  { from: "/workshops/workshop_requests/", to: "/requests/workshop_requests/" },
  { from: "/workshops/organizations/", to: "/fiscal/organizations/" },
  { from: "/workshops/memberships/", to: "/fiscal/memberships/" },
  { from: "/workshops/reports/membership_trainings_stats/", to: "/reports/membership_trainings_stats/" },
  { from: "/workshops/reports/workshop_issues/", to: "/reports/workshop_issues/" },
  { from: "/workshops/reports/instructor_issues/", to: "/reports/instructor_issues/" },
  { from: "/workshops/reports/duplicate_persons/", to: "/reports/duplicate_persons/" },
  { from: "/workshops/reports/duplicate_training_requests/", to: "/reports/duplicate_training_requests/" },
  { from: "/workshops/trainings/", to: "/trainings/trainings/" },
  { from: "/workshops/trainees/", to: "/trainings/trainees/" },
  { from: "/workshops/request_training/", to: "/forms/request_training/", permanent: true },
];
