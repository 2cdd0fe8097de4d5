/**
 * A site as people name it: "Leeds (Northpoint Contact)". A partner's company is said once, whether
 * or not the site's own name already carries it.
 */
export function siteLabel(site: { name: string; kind?: string; partnerName?: string | null }): string {
  const partner = site.partnerName?.trim();
  if (!partner || site.kind === 'in_house' || site.name.includes(partner)) return site.name;
  return `${site.name} (${partner})`;
}
