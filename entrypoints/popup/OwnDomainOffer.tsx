/** Shown on an agent-app path of a host that is not Zoho's: perhaps the organization's own Desk address. */
export function OwnDomainOffer(props: { origin: string; onAdd: () => void }) {
  return (
    <section class="own-domain" aria-labelledby="own-domain-title">
      <h2 id="own-domain-title">Is this your Zoho Desk?</h2>
      <p class="muted">
        {props.origin} looks like Desk's agent app on your organization's own domain. Add it as your Desk address, and
        the Remove badges control works here too.
      </p>
      <button type="button" onClick={props.onAdd}>
        Add as my Desk address…
      </button>
    </section>
  );
}
