/** What a fold keeps of each reminder claimed on its own stream: when, by which delivery, and whether it went out. */
export interface ClaimFacts {
  claimedAt: string;
  deliveryId: string | null;
  delivered: boolean;
}
