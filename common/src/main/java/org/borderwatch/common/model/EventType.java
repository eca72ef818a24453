package org.borderwatch.common.model;

public enum EventType {
    SMALL_ARMS_FIRE,
    MORTAR_ARTILLERY,
    DRONE_STRIKE,
    INCURSION,
    CASUALTY,
    DETENTION,
    /** A road, corridor or checkpoint closed to people or aid. */
    BLOCKADE,
    /** Landmines and unexploded ordnance: deadly, but not a ceasefire violation. */
    MINE_EXPLOSION,
    ENGINEERING_WORK,
    /** Troop or equipment concentration, exercises. */
    BUILDUP,
    /** Statements announcing force or an imminent attack. */
    THREAT,
    OTHER;

    /** Artillery, mortars and drones, as opposed to small arms. */
    public boolean isHeavyWeapon() {
        return this == MORTAR_ARTILLERY || this == DRONE_STRIKE;
    }
}
