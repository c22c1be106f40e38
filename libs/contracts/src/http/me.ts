/** A participant's self-service under /api/v1/me: the participant is always the caller (their token's participant id). */

/** POST /api/v1/me/enrollments */
export interface MyEnrollmentRequest {
  /**
   * The programme to enroll in.
   * @format uuid
   */
  programmeId: string;
  /**
   * A class of the programme; without it the province's class with the most free seats.
   * @format uuid
   */
  batchId?: string;
}

/** POST /api/v1/me/enrollments/:id/withdraw */
export interface MyWithdrawalRequest {
  /**
   * @minLength 1
   * @maxLength 500
   */
  reason: string;
}

/** POST /api/v1/me/enrollments/:id/offer: accept the class-change offer (naming one of its classes) or decline it. */
export interface MyOfferAnswer {
  answer: 'accept' | 'decline';
  /**
   * With accept: one of the classes the offer listed.
   * @format uuid
   */
  batchId?: string;
}
