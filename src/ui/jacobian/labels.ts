// How the Jacobian view writes a Jacobian's name: ∂y/∂W, or ∂z/∂W before an activation.
import { ENTRY_SYMBOL_OF, jacobianOf, paramOf, type Activation, type JacobianKind } from '../../core/index.ts';

/** The Jacobian's name in plain text and LaTeX, e.g. '∂y/∂W' and \frac{\partial y}{\partial W}. */
export function kindName(kind: JacobianKind, activation: Activation): { text: string; tex: string; of: string; by: string } {
  const of = jacobianOf(kind, activation).of;
  const by = paramOf(kind);
  const [o, b] = [ENTRY_SYMBOL_OF(of), ENTRY_SYMBOL_OF(by)];
  return { text: `∂${o}/∂${b}`, tex: `\\frac{\\partial ${o}}{\\partial ${b}}`, of: o, by: b };
}
