import { useEffect } from 'react';

/**
 * suomifi-ui-components 18 gives a select's input `aria-controls="<id>-popover"` also while the
 * popover is closed and not in the document, which axe reports as an invalid ARIA reference. This
 * keeps the attribute only while the popover it names exists.
 */
export function usePopoverAriaControls(inputId: string) {
  useEffect(() => {
    const popoverId = `${inputId}-popover`;
    const sync = () => {
      const input = document.getElementById(inputId);
      if (!input) return;
      const open = document.getElementById(popoverId) !== null;
      if (open && input.getAttribute('aria-controls') !== popoverId) input.setAttribute('aria-controls', popoverId);
      if (!open && input.hasAttribute('aria-controls')) input.removeAttribute('aria-controls');
    };
    sync();
    const observer = new MutationObserver(sync);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [inputId]);
}
