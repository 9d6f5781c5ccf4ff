import { dummyHashLike, verifyPassword } from "./passwords";
import type { BasicUser } from "./usersFile";

/** Who a verified user name and password belong to. */
export interface VerifiedUser {
  name: string;
  groups: string[];
}

/** The basic-auth users, checked so that an unknown name costs the same time as a wrong password. */
export class UserDirectory {
  private readonly users: Map<string, BasicUser>;
  private readonly dummyHash: string;

  constructor(users: readonly BasicUser[]) {
    this.users = new Map(users.map((user) => [user.name, user]));
    this.dummyHash = dummyHashLike(users[0]?.hash);
  }

  get size(): number {
    return this.users.size;
  }

  /** The user when the password matches; null for a wrong password and for an unknown name alike. */
  async verify(name: string, password: string): Promise<VerifiedUser | null> {
    const user = this.users.get(name);
    // Unknown names are checked against a dummy hash so the answer takes as long either way.
    const matches = await verifyPassword(user?.hash ?? this.dummyHash, password);
    if (!user || !matches) return null;
    return { name: user.name, groups: [...user.groups] };
  }
}
