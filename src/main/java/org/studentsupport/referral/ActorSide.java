package org.studentsupport.referral;

/** Which side of a referral makes a move: the school (coordinators) or the provider it is addressed to. */
public enum ActorSide {
    SCHOOL, PROVIDER;

    public String code() {
        return name().toLowerCase();
    }
}
