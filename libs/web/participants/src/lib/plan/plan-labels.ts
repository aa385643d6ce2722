import type { GoalDimension, GoalStatus } from '@waypoint/web-participant-data';

/** How a dimension is named and explained on its card, after SAMHSA's working definition of recovery. */
export interface DimensionWords {
  title: string;
  /** A Material Symbols name; decorative beside the title. */
  icon: string;
  description: string;
}

export const DIMENSIONS: Readonly<Record<GoalDimension, DimensionWords>> = {
  health: {
    title: $localize`:Recovery dimension:Health`,
    icon: 'favorite',
    description: $localize`:Recovery dimension description:Managing substance use and making choices that support physical and emotional well-being.`,
  },
  home: {
    title: $localize`:Recovery dimension:Home`,
    icon: 'home',
    description: $localize`:Recovery dimension description:A stable and safe place to live.`,
  },
  purpose: {
    title: $localize`:Recovery dimension:Purpose`,
    icon: 'explore',
    description: $localize`:Recovery dimension description:Meaningful daily activities: work, school, volunteering, caregiving or creative pursuits.`,
  },
  community: {
    title: $localize`:Recovery dimension:Community`,
    icon: 'diversity_3',
    description: $localize`:Recovery dimension description:Relationships and social networks that provide support, friendship, love and hope.`,
  },
};

const STATUS: Record<GoalStatus, string> = {
  active: $localize`:Goal status:Active`,
  achieved: $localize`:Goal status:Achieved`,
  revised: $localize`:Goal status:Revised`,
  discontinued: $localize`:Goal status:Discontinued`,
};

export const STATUS_ICONS: Readonly<Record<GoalStatus, string>> = {
  active: 'radio_button_checked',
  achieved: 'task_alt',
  revised: 'edit_note',
  discontinued: 'block',
};

export const dimensionTitle = (dimension: GoalDimension) => DIMENSIONS[dimension]?.title ?? dimension;
export const goalStatusLabel = (status: GoalStatus) => STATUS[status] ?? status;
