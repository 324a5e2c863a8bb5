export const MODERATION_ACT = 'moderation.act';
export const MODERATION_DELIVER = 'moderation.deliver';
export const MODERATION_RETRAIN = 'moderation.retrain';
export const MODERATION_HIGHLIGHTS = 'moderation.highlights';
/** Above other work: a rule's action should reach the network within seconds of the item's arrival. */
export const MODERATION_PRIORITY = 10;
