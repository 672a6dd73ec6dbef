/** What the admin is told after adding an app to a site's pre-approved apps. */
export function preApprovalAnnouncement(appName: string, siteName: string, approvedRequests: number): string {
  const added = `${appName} is pre-approved on ${siteName}.`;
  if (approvedRequests === 0) return `${added} No open request was waiting for it.`;
  if (approvedRequests === 1) return `${added} 1 open request was approved.`;
  return `${added} ${approvedRequests} open requests were approved.`;
}
