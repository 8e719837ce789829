import { Component, type ComponentChildren, createContext } from 'preact';
import { t } from '../../utils/platform/i18n';
import { OPEN_GATE, type VisibilityGate } from '../../utils/removal/visibility-gate';

/** The panel page's gate (utils/removal/visibility-gate.ts); open where no page can cover the panel. */
export const VisibilityGateContext = createContext<VisibilityGate>(OPEN_GATE);

interface GatedButtonProps {
  class?: string;
  disabled?: boolean;
  'data-review'?: boolean;
  onClick: () => void;
  children: ComponentChildren;
}

/**
 * A button that moves a removal forward (Review, Remove N badges): it acts only once its step has been visible,
 * uncovered, for the gate's dwell. Until then it looks unavailable; a click while the page covers the panel does
 * nothing and says why. A class component: hooks would add preact/hooks to the panel's bundle.
 */
export class GatedButton extends Component<GatedButtonProps, { refused: boolean }> {
  static override contextType = VisibilityGateContext;
  declare context: VisibilityGate;
  override state = { refused: false };
  /** When this step appeared, on the gate's clock. */
  private shownAt = 0;
  private unsubscribe = () => {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the last render showed the button available. */
  private shownOpen = false;

  override componentWillMount() {
    this.shownAt = this.context.now();
  }

  override componentDidMount() {
    this.unsubscribe = this.context.subscribe(() => this.forceUpdate());
    this.showWhenOpen();
  }

  override componentDidUpdate() {
    this.showWhenOpen();
  }

  /** Shows the button as available once the dwell is over, if nothing else changes before. */
  private showWhenOpen() {
    clearTimeout(this.timer);
    const state = this.context.check(this.shownAt);
    // The dwell ended between the render and now (a timer fires on whole milliseconds): show it.
    if (state.open !== this.shownOpen) this.forceUpdate();
    else if (!state.open && state.opensAt !== undefined)
      this.timer = setTimeout(() => this.forceUpdate(), Math.max(0, Math.ceil(state.opensAt - this.context.now())));
  }

  override componentWillUnmount() {
    this.unsubscribe();
    clearTimeout(this.timer);
  }

  private readonly click = () => {
    const state = this.context.check(this.shownAt);
    if (state.open) {
      if (this.state.refused) this.setState({ refused: false });
      this.props.onClick();
    } else if (state.reason === 'covered') this.setState({ refused: true });
  };

  override render() {
    const state = this.context.check(this.shownAt);
    this.shownOpen = state.open;
    const { props } = this;
    return (
      <>
        <button
          type="button"
          class={props.class}
          disabled={props.disabled}
          data-review={props['data-review']}
          aria-disabled={state.open ? undefined : 'true'}
          onClick={this.click}
        >
          {props.children}
        </button>
        {this.state.refused ? (
          <p class="br-covered" role="alert">
            {t('common_covered')}
          </p>
        ) : null}
      </>
    );
  }
}
