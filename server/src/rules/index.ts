// The rule registry: every file in this folder that defines a rule is listed
// here once (a test fails when one is missing).
import type { RuleDefinition } from './defineRule';
import event from './event';
import storedFunction from './storedFunction';
import storedProcedure from './storedProcedure';
import trigger from './trigger';
import xaTransaction from './xaTransaction';
// group A imports
// group A imports end
// group B imports
// group B imports end
// group C imports
// group C imports end
// group D imports
// group D imports end

export const RULES: readonly RuleDefinition[] = [
  storedProcedure,
  storedFunction,
  trigger,
  event,
  xaTransaction,
  // group A rules
  // group A rules end
  // group B rules
  // group B rules end
  // group C rules
  // group C rules end
  // group D rules
  // group D rules end
];
