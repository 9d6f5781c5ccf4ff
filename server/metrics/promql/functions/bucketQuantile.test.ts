import { describe, expect, test } from "vitest";
import { type Bucket, bucketFraction, bucketQuantile } from "./bucketQuantile";

function buckets(pairs: [number, number][]): Bucket[] {
  return pairs.map(([upperBound, count]) => ({ upperBound, count }));
}

// histograms.test:8-16, testhistogram_bucket at 50m.
const positive = buckets([[0.1, 50], [0.2, 70], [1, 110], [Infinity, 120]]);
const negative = buckets([[-0.2, 10], [-0.1, 20], [0.3, 20], [Infinity, 30]]);
// histograms.test:21-26 at 7m, every observation count in the middle of a bucket.
const evenlySpread = buckets([[0, 0], [2, 1], [4, 2], [6, 3], [Infinity, 3]]);

describe("bucketQuantile", () => {
  // histograms.test:709-760.
  test.each([
    [0, 0, -0.2],
    [1, 1, 0.3],
    [0.2, 0.048, -0.2],
    [0.5, 0.15, -0.15],
    [0.8, 0.72, 0.3],
  ])("quantile %d interpolates inside the bucket holding the rank", (q, pos, neg) => {
    expect(bucketQuantile(q, positive).value).toBeCloseTo(pos, 12);
    expect(bucketQuantile(q, negative).value).toBeCloseTo(neg, 12);
  });

  // histograms.test:796-816.
  test("finds the middle of buckets", () => {
    expect(bucketQuantile(1 / 6, evenlySpread).value).toBeCloseTo(1, 12);
    expect(bucketQuantile(0.5, evenlySpread).value).toBeCloseTo(3, 12);
    expect(bucketQuantile(5 / 6, evenlySpread).value).toBeCloseTo(5, 12);
  });

  // histograms.test:551-559: a lowest bound at or below zero is itself the answer.
  test("returns the lowest bound when it is not positive", () => {
    expect(bucketQuantile(0, buckets([[0, 0], [0.1, 50], [Infinity, 110]])).value).toBe(0);
    expect(bucketQuantile(0, buckets([[-0.25, 0], [-0.2, 10], [Infinity, 20]])).value).toBe(-0.25);
  });

  test("sorts the buckets itself", () => {
    expect(bucketQuantile(0.5, [...positive].reverse()).value).toBeCloseTo(0.15, 12);
  });

  // histograms.test:637-700.
  test("is ±Inf for q outside [0, 1] and NaN for NaN q", () => {
    expect(bucketQuantile(-0.1, positive).value).toBe(-Infinity);
    expect(bucketQuantile(1.01, positive).value).toBe(Infinity);
    expect(bucketQuantile(NaN, positive).value).toBeNaN();
  });

  // histograms.test:1025-1036.
  test("raises decreasing counts and reports it", () => {
    const nonmonotonic = buckets([[0.1, 20], [1, 10], [10, 50], [100, 40], [1000, 90], [Infinity, 80]]);
    expect(bucketQuantile(0.01, nonmonotonic)).toEqual({ value: expect.closeTo(0.0045, 12), forcedMonotonic: true });
    expect(bucketQuantile(0.5, nonmonotonic).value).toBeCloseTo(8.5, 12);
    expect(bucketQuantile(0.99, nonmonotonic).value).toBeCloseTo(979.75, 12);
    expect(bucketQuantile(0.5, positive).forcedMonotonic).toBe(false);
  });

  test("evens out float noise without calling it a decrease", () => {
    const noisy = buckets([[1, 10], [2, 10 - 1e-14], [Infinity, 20]]);
    expect(bucketQuantile(0.5, noisy)).toEqual({ value: 1, forcedMonotonic: false });
  });

  // histograms.test:1038-1045: equal bounds spelled differently are one bucket.
  test("merges buckets with the same bound", () => {
    const split = buckets([[0.1, 1], [0.1, 1], [0.2, 3], [Infinity, 4]]);
    expect(bucketQuantile(0.5, split).value).toBeCloseTo(0.1, 12);
  });

  // histograms.test:1070-1072 and 1107-1111.
  test("is NaN without observations, without +Inf or with only one bucket", () => {
    expect(bucketQuantile(0.2, buckets([[0.1, 0], [0.2, 0], [Infinity, 0]])).value).toBeNaN();
    expect(bucketQuantile(0.5, buckets([[0.1, 1], [0.2, 3]])).value).toBeNaN();
    expect(bucketQuantile(0.5, buckets([[Infinity, 3]])).value).toBeNaN();
    expect(bucketQuantile(0.5, []).value).toBeNaN();
  });
});

describe("bucketFraction", () => {
  const sample = buckets([[1, 1], [2, 3], [3, 6], [Infinity, 100]]);
  const negativeOnly = buckets([[-3, 10], [-2, 12], [-1, 15], [Infinity, 100]]);

  // histograms.test:115-157.
  test("interpolates inside finite buckets", () => {
    expect(bucketFraction(0, 4, evenlySpread)).toBeCloseTo(0.6666666666666666, 15);
    expect(bucketFraction(0, 6, evenlySpread)).toBe(1);
    expect(bucketFraction(0, 3.5, evenlySpread)).toBeCloseTo(0.5833333333333334, 15);
    const third = buckets([[0, 0], [0.1, 5], [0.2, 7], [1, 11], [Infinity, 11]]);
    expect(bucketFraction(0, 0.2, third)).toBeCloseTo(0.6363636363636364, 15);
    const thirdNegative = buckets([[-0.25, 0], [-0.2, 1], [-0.1, 2], [0.3, 2], [Infinity, 2]]);
    expect(bucketFraction(0, 0.2, thirdNegative)).toBe(0);
  });

  // histograms.test:161-176, 392-440 and 442-460: the lowest positive bucket starts at 0.
  test.each([
    [0, 1.5, 0.02],
    [2, 3.5, 0.03],
    [0.5, 2, 0.025],
    [1, 3, 0.05],
  ])("fraction between %d and %d is %d", (lower, upper, expected) => {
    expect(bucketFraction(lower, upper, sample)).toBeCloseTo(expected, 15);
  });

  test("interpolates fractional bounds and ranges across zero", () => {
    expect(bucketFraction(0.1, 0.75, buckets([[0.5, 2.5], [1, 7.5], [Infinity, 100]]))).toBeCloseTo(0.045, 15);
    const crossing = buckets([[-2, 5], [-1, 10], [0, 15], [1, 20], [Infinity, 100]]);
    expect(bucketFraction(-1, 1, crossing)).toBeCloseTo(0.1, 15);
  });

  // histograms.test:180-330 and 358-370: buckets of infinite width are never interpolated.
  test("treats infinite-width buckets as all-or-nothing", () => {
    expect(bucketFraction(-4, -2, negativeOnly)).toBeCloseTo(0.02, 15);
    expect(bucketFraction(-Infinity, -1.5, negativeOnly)).toBeCloseTo(0.135, 15);
    expect(bucketFraction(-Infinity, Infinity, sample)).toBe(1);
    expect(bucketFraction(-Infinity, Infinity, negativeOnly)).toBe(1);
    expect(bucketFraction(4, 5, sample)).toBe(0);
    expect(bucketFraction(0, 1, negativeOnly)).toBe(0);
    expect(bucketFraction(2, 5, sample)).toBeCloseTo(0.03, 15);
    expect(bucketFraction(400, Infinity, sample)).toBeCloseTo(0.94, 15);
    expect(bucketFraction(0, 1, buckets([[Infinity, 100]]))).toBe(0);
  });

  // histograms.test:333-354 and 480-540.
  test("is 0 for empty or reversed ranges and for ranges outside the buckets", () => {
    expect(bucketFraction(2, 2, sample)).toBe(0);
    expect(bucketFraction(3, 2, sample)).toBe(0);
    const small = buckets([[1, 1], [2, 3], [Infinity, 10]]);
    expect(bucketFraction(-10, -5, small)).toBe(0);
    expect(bucketFraction(5, 10, small)).toBe(0);
  });

  // histograms.test:372-386 and 463-478.
  test("is NaN for NaN bounds, no observations, no +Inf bucket or no buckets", () => {
    expect(bucketFraction(NaN, 1, sample)).toBeNaN();
    expect(bucketFraction(0, NaN, sample)).toBeNaN();
    expect(bucketFraction(0, 5, buckets([[1, 0], [2, 0], [3, 0], [Infinity, 0]]))).toBeNaN();
    expect(bucketFraction(0, 1, buckets([[1, 1], [2, 3]]))).toBeNaN();
    expect(bucketFraction(0, 1, [])).toBeNaN();
  });
});
