import type { CommandSpec } from '../spec';
import { accessCommands } from './access';
import { benefitCommands } from './benefits';
import { benefitMapCommands } from './benefitMap';
import { goalCommands } from './goals';
import { projectCommands } from './projects';
import { settlementCommands } from './settlements';
import { unitCommands } from './units';
import { costBenefitCommands } from './costBenefit';
import { calendarCommands } from './calendar';

/** Every application command by name (the HTTP routes map onto these). */
export const commands: Record<string, CommandSpec> = {
  ...unitCommands,
  ...projectCommands,
  ...benefitCommands,
  ...settlementCommands,
  ...accessCommands,
  ...benefitMapCommands,
  ...goalCommands,
  ...costBenefitCommands,
  ...calendarCommands,
};
